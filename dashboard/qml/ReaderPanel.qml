pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rollcall.Dashboard

// Reader health: online/offline, last seen, outbox depth, clock offset.
// On the venue screen nobody scrolls it, so it pages by itself like the lists.
PanelFrame {
    id: panel
    required property ReaderHealthModel model
    // Venue id → name, from the meeting (an id shows as itself when unnamed).
    property var venueNames: ({})
    property bool venueMode

    title: qsTr("Readers")
    badge: qsTr("%1/%2 online").arg(panel.model.onlineCount).arg(panel.model.count)
    badgeColor: panel.model.alarmCount > 0 ? Theme.bad : Theme.good
    pageText: pager.indicator

    ListView {
        id: list
        objectName: "readerList"
        anchors.fill: parent
        clip: true
        spacing: Theme.px(4)
        interactive: !panel.venueMode
        model: panel.model
        ScrollBar.vertical: ScrollBar { visible: !panel.venueMode }
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
            // Two lines: which reader and where, then how it is; the venue's
            // name gets the row's width instead of what the figures leave.
            height: Theme.px(60)
            radius: Theme.px(6)
            color: row.alarm ? "#3f1d24" : Theme.panelRaised
            border.color: row.alarm ? Theme.bad : "transparent"
            ColumnLayout {
                anchors { fill: parent; leftMargin: Theme.px(12); rightMargin: Theme.px(12); topMargin: Theme.px(4); bottomMargin: Theme.px(4) }
                spacing: 0
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.px(10)
                    Rectangle { implicitWidth: Theme.px(14); implicitHeight: Theme.px(14); radius: height / 2; color: row.stateColor }
                    Text { text: row.readerId; color: Theme.text; font.pixelSize: Theme.fontBody; font.bold: true }
                    FitText {
                        objectName: "readerVenue"
                        text: panel.venueNames[row.venueId] || row.venueId
                        color: Theme.muted
                        font.pixelSize: Theme.fontSmall
                        Layout.fillWidth: true
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.px(24)
                    spacing: Theme.px(12)
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
                    Item { Layout.fillWidth: true }
                }
            }
        }
    }
    Pager {
        id: pager
        objectName: "pager"
        view: list
        rowHeight: Theme.px(60)
        active: panel.venueMode
    }
}
