pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Rollcall.Dashboard

// The live feed of taps, newest first, verdict in colour.
PanelFrame {
    id: panel
    required property TapFeedModel model

    title: qsTr("Live taps")

    ListView {
        objectName: "tapList"
        anchors.fill: parent
        clip: true
        model: panel.model
        ScrollBar.vertical: ScrollBar {}
        delegate: Item {
            id: row
            required property string timeText
            required property string who
            required property string verdictText
            required property color verdictColor
            required property string directionText
            required property string readerId
            width: ListView.view.width
            height: 42
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
            Rectangle {
                id: pill
                anchors { left: time.right; leftMargin: 10; verticalCenter: parent.verticalCenter }
                width: 112
                height: 28
                radius: 14
                color: row.verdictColor
                Text {
                    anchors.centerIn: parent
                    text: row.verdictText
                    color: "#0b1220"
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                }
            }
            Text {
                anchors { left: pill.right; leftMargin: 12; right: where.left; rightMargin: 8; verticalCenter: parent.verticalCenter }
                text: row.who
                color: Theme.text
                font.pixelSize: Theme.fontBody
                elide: Text.ElideRight
            }
            Text {
                id: where
                anchors { right: parent.right; rightMargin: 12; verticalCenter: parent.verticalCenter }
                text: row.directionText + "  " + row.readerId
                color: Theme.muted
                font.pixelSize: Theme.fontSmall
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
