pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Rollcall.Dashboard

// The board's window: the meeting picker or the meeting board, and the
// connection-lost overlay.
ApplicationWindow {
    id: window
    required property Dashboard dashboard
    // The organizer's desk beside the board (--desk organizer), or none.
    property OrganizerDesk desk: null
    // The office's desk, a mode of its own (--desk office), or none; documents are saved in officeDir.
    property OfficeDesk office: null
    property string officeDir: "."
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
    palette.placeholderText: Theme.placeholder
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
        visible: !window.dashboard.pickerVisible && window.office === null
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.right: deskPanel.visible ? deskPanel.left : parent.right
        dashboard: window.dashboard
    }
    // The desks are made in Component.onCompleted, not by Loaders: a Loader cannot
    // instantiate a component bound to this file's context (Qt 6.4).
    Item {
        id: deskPanel
        objectName: "deskPanel"
        visible: window.desk !== null && !window.dashboard.pickerVisible && !window.dashboard.venueMode
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.margins: Theme.gap
        width: Theme.px(560)
    }
    Item {
        id: officePage
        objectName: "officePage"
        anchors.fill: parent
        visible: window.office !== null
    }
    Component {
        id: organizerDesk
        OrganizerDeskPanel {
            anchors.fill: parent
        }
    }
    Component {
        id: officeDesk
        OfficeDeskPage {
            anchors.fill: parent
        }
    }
    Component.onCompleted: {
        if (window.desk !== null)
            organizerDesk.createObject(deskPanel, { desk: window.desk, alarms: window.dashboard.alarms })
        if (window.office !== null)
            officeDesk.createObject(officePage, { desk: window.office, saveDir: window.officeDir })
    }
    MeetingPicker {
        objectName: "meetingPicker"
        anchors.fill: parent
        visible: window.dashboard.pickerVisible && window.office === null
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
