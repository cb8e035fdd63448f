pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Rollcall.Dashboard

// The live feed of taps, newest first, verdict in colour.
PanelFrame {
    id: panel
    required property TapFeedModel model
    property bool venueMode

    title: qsTr("Live taps")

    ListView {
        objectName: "tapList"
        anchors.fill: parent
        clip: true
        interactive: !panel.venueMode
        model: panel.model
        ScrollBar.vertical: ScrollBar { visible: !panel.venueMode }
        delegate: Item {
            id: row
            required property string timeText
            required property string who
            required property string verdictText
            required property color verdictColor
            required property string directionText
            required property string readerId
            width: ListView.view.width
            height: Theme.px(48)
            Rectangle {
                anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                height: 1
                color: Theme.border
            }
            Text {
                id: time
                anchors { left: parent.left; verticalCenter: parent.verticalCenter }
                text: row.timeText
                color: Theme.muted
                font.pixelSize: Theme.fontSmall
                font.family: "DejaVu Sans Mono"
            }
            // As wide as its verdict needs ("Unknown badge", "早退"), at least the usual width.
            Rectangle {
                id: pill
                objectName: "verdictPill"
                anchors { left: time.right; leftMargin: Theme.px(10); verticalCenter: parent.verticalCenter }
                width: Math.max(Theme.px(96), verdict.implicitWidth + Theme.px(20))
                height: Theme.px(28)
                radius: height / 2
                color: row.verdictColor
                Text {
                    id: verdict
                    objectName: "verdictText"
                    anchors.centerIn: parent
                    text: row.verdictText
                    color: "#0b1220"
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                }
            }
            // Who above, where below: the name gets the row's whole width.
            FitText {
                objectName: "tapWho"
                anchors { left: pill.right; leftMargin: Theme.px(12); right: parent.right; rightMargin: Theme.px(8); top: parent.top; topMargin: Theme.px(2) }
                text: row.who
                color: Theme.text
                font.pixelSize: Theme.fontBody
            }
            FitText {
                anchors { left: pill.right; leftMargin: Theme.px(12); right: parent.right; rightMargin: Theme.px(8); bottom: parent.bottom; bottomMargin: Theme.px(3) }
                text: row.directionText + "  " + row.readerId
                color: Theme.muted
                font.pixelSize: Math.round(Theme.fontSmall * 0.85)
            }
        }
    }
    Text {
        anchors.centerIn: parent
        visible: panel.model.count === 0
        text: qsTr("No taps yet")
        color: Theme.muted
        font.pixelSize: Theme.fontBody
    }
}
