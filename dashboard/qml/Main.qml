pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Rollcall.Dashboard

// The board's window: the meeting picker or the meeting board, and the
// connection-lost overlay.
ApplicationWindow {
    id: window
    required property Dashboard dashboard
    // Text size for the reading distance: 1 at a desk, more for a wall screen
    // seen from the back of the hall (--distance).
    property real distance: 1.0
    // One factor for the whole board: the window against the 1920×1080 design.
    readonly property real layoutScale: Math.min(window.width / 1920, window.height / 1080)

    width: 1920
    height: 1080
    visible: true
    title: qsTr("Rollcall attendance board")
    color: Theme.background
    // Dark controls to match the board (Basic style reads these roles).
    palette.window: Theme.background
    palette.windowText: Theme.text
    palette.button: Theme.panelRaised
    palette.buttonText: Theme.text
    palette.base: Theme.panel
    palette.text: Theme.text
    palette.mid: Theme.border
    palette.dark: "#2563eb"
    palette.brightText: "white"
    palette.highlight: Theme.info
    palette.highlightedText: Theme.background

    Binding {
        target: Theme
        property: "scale"
        value: window.layoutScale * window.distance
    }

    BoardPage {
        objectName: "boardPage"
        anchors.fill: parent
        visible: !window.dashboard.pickerVisible
        dashboard: window.dashboard
    }
    MeetingPicker {
        objectName: "meetingPicker"
        anchors.fill: parent
        visible: window.dashboard.pickerVisible
        dashboard: window.dashboard
    }
    ConnectionBanner {
        anchors.fill: parent
        dashboard: window.dashboard
    }
    InsecureBanner {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        dashboard: window.dashboard
    }
    Shortcut {
        sequence: "Esc"
        enabled: window.dashboard.venueMode
        onActivated: window.dashboard.venueMode = false
    }
    Shortcut {
        sequence: "F11"
        onActivated: window.dashboard.venueMode = !window.dashboard.venueMode
    }
}
