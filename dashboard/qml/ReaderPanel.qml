pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rollcall.Dashboard

// Reader health: online/offline, last seen, outbox depth, clock offset.
PanelFrame {
    id: panel
    required property ReaderHealthModel model

    title: qsTr("Readers")
    badge: qsTr("%1/%2 online").arg(panel.model.onlineCount).arg(panel.model.count)
    badgeColor: panel.model.alarmCount > 0 ? Theme.bad : Theme.good

    ListView {
        objectName: "readerList"
        anchors.fill: parent
        clip: true
        spacing: 4
        model: panel.model
        ScrollBar.vertical: ScrollBar {}
        delegate: Rectangle {
            id: row
            required property string readerId
            required property string venueId
            required property string stateText
            required property color stateColor
            required property string lastSeenText
            required property var outboxDepth
            required property string clockOffsetText
            required property bool clockSkewed
            required property bool alarm
            width: ListView.view.width
            height: 46
            radius: 6
            color: row.alarm ? "#3f1d24" : Theme.panelRaised
            border.color: row.alarm ? Theme.bad : "transparent"
            RowLayout {
                anchors { fill: parent; leftMargin: 12; rightMargin: 12 }
                spacing: 10
                Rectangle { width: 14; height: 14; radius: 7; color: row.stateColor }
                Text { text: row.readerId; color: Theme.text; font.pixelSize: Theme.fontBody; font.bold: true }
                Text { text: row.venueId; color: Theme.muted; font.pixelSize: Theme.fontSmall; Layout.fillWidth: true; elide: Text.ElideRight }
                Text { text: row.stateText; color: row.stateColor; font.pixelSize: Theme.fontSmall; font.bold: true }
                Text { text: row.lastSeenText; color: Theme.muted; font.pixelSize: Theme.fontSmall }
                Text { text: qsTr("outbox %1").arg(row.outboxDepth); color: Theme.muted; font.pixelSize: Theme.fontSmall }
                Text {
                    objectName: "clockOffset"
                    text: row.clockOffsetText
                    color: row.clockSkewed ? Theme.warn : Theme.muted
                    font.pixelSize: Theme.fontSmall
                    font.bold: row.clockSkewed
                }
            }
        }
    }
}
