pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Rollcall.Dashboard

// A list of people (the absentee list, the late list): name, unit, detail.
PanelFrame {
    id: panel
    required property var model
    property int count
    property color accent: Theme.text
    property string emptyText

    badge: panel.count
    badgeColor: panel.accent

    ListView {
        id: list
        anchors.fill: parent
        clip: true
        model: panel.model
        ScrollBar.vertical: ScrollBar {}
        delegate: Item {
            id: row
            required property string name
            required property string unit
            required property string detailText
            required property color statusColor
            width: ListView.view.width
            height: 40
            Rectangle {
                anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                height: 1
                color: Theme.border
            }
            Text {
                id: nameText
                anchors { left: parent.left; verticalCenter: parent.verticalCenter }
                width: parent.width * 0.3
                text: row.name
                color: Theme.text
                font.pixelSize: Theme.fontBody
                elide: Text.ElideRight
            }
            Text {
                anchors { left: nameText.right; leftMargin: 10; right: detail.left; rightMargin: 10; verticalCenter: parent.verticalCenter }
                text: row.unit
                color: Theme.muted
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideLeft
            }
            Text {
                id: detail
                anchors { right: parent.right; rightMargin: 12; verticalCenter: parent.verticalCenter }
                text: row.detailText
                color: row.statusColor
                font.pixelSize: Theme.fontBody
            }
        }
    }
    Text {
        anchors.centerIn: parent
        visible: panel.count === 0
        text: panel.emptyText
        color: Theme.muted
        font.pixelSize: Theme.fontBody
    }
}
