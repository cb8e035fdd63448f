pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rollcall.Dashboard

// Attendance by unit: a collapsible unit tree with counts, rate and the
// names of who is missing.
PanelFrame {
    id: panel
    required property UnitTreeModel model
    property bool venueMode

    title: qsTr("By unit")
    badge: qsTr("%1 units").arg(panel.model.unitCount)
    headerExtra: [
        Button {
            visible: !panel.venueMode
            text: qsTr("Roster")
            checkable: true
            checked: panel.model.sortMode === UnitTreeModel.RosterOrder
            onClicked: panel.model.sortMode = UnitTreeModel.RosterOrder
        },
        Button {
            visible: !panel.venueMode
            text: qsTr("Rate ↑")
            checkable: true
            checked: panel.model.sortMode === UnitTreeModel.RateAscending
            onClicked: panel.model.sortMode = UnitTreeModel.RateAscending
        },
        Button {
            visible: !panel.venueMode
            text: qsTr("Rate ↓")
            checkable: true
            checked: panel.model.sortMode === UnitTreeModel.RateDescending
            onClicked: panel.model.sortMode = UnitTreeModel.RateDescending
        }
    ]

    ColumnLayout {
        anchors.fill: parent
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Text { text: qsTr("Unit"); color: Theme.muted; font.pixelSize: Theme.fontSmall; Layout.fillWidth: true }
            Text { text: qsTr("Expected"); color: Theme.muted; font.pixelSize: Theme.fontSmall; Layout.preferredWidth: 64; horizontalAlignment: Text.AlignRight }
            Text { text: qsTr("Here"); color: Theme.muted; font.pixelSize: Theme.fontSmall; Layout.preferredWidth: 64; horizontalAlignment: Text.AlignRight }
            Text { text: qsTr("Missing"); color: Theme.muted; font.pixelSize: Theme.fontSmall; Layout.preferredWidth: 64; horizontalAlignment: Text.AlignRight }
            Text { text: qsTr("Rate"); color: Theme.muted; font.pixelSize: Theme.fontSmall; Layout.preferredWidth: 92; horizontalAlignment: Text.AlignRight }
        }
        ListView {
            id: list
            objectName: "unitList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 2
            model: panel.model
            ScrollBar.vertical: ScrollBar {}
            delegate: Rectangle {
                id: row
                required property int index
                required property string name
                required property int depth
                required property bool hasChildren
                required property bool expanded
                required property int expected
                required property int attended
                required property int missingCount
                required property string rateText
                required property color rateColor
                required property string missingNames

                width: ListView.view.width
                height: missingLine.visible ? 58 : 36
                color: row.depth === 0 ? Theme.panelRaised : "transparent"
                radius: 6

                MouseArea {
                    anchors.fill: parent
                    enabled: row.hasChildren
                    onClicked: panel.model.toggle(row.index)
                }
                ColumnLayout {
                    anchors { fill: parent; leftMargin: 6 + row.depth * 22; rightMargin: 6 }
                    spacing: 0
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 8
                        Text {
                            text: row.hasChildren ? (row.expanded ? "▾" : "▸") : "•"
                            color: Theme.muted
                            font.pixelSize: Theme.fontBody
                            Layout.preferredWidth: 16
                        }
                        Text {
                            text: row.name
                            color: Theme.text
                            font.pixelSize: Theme.fontBody
                            font.bold: row.depth === 0
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Text { text: row.expected; color: Theme.text; font.pixelSize: Theme.fontBody; Layout.preferredWidth: 64; horizontalAlignment: Text.AlignRight }
                        Text { text: row.attended; color: Theme.good; font.pixelSize: Theme.fontBody; Layout.preferredWidth: 64; horizontalAlignment: Text.AlignRight }
                        Text { text: row.missingCount; color: row.missingCount > 0 ? Theme.bad : Theme.muted; font.pixelSize: Theme.fontBody; Layout.preferredWidth: 64; horizontalAlignment: Text.AlignRight }
                        Text { text: row.rateText; color: row.rateColor; font.pixelSize: Theme.fontBody; font.bold: true; Layout.preferredWidth: 92; horizontalAlignment: Text.AlignRight }
                    }
                    Text {
                        id: missingLine
                        visible: row.missingNames.length > 0
                        text: qsTr("Missing: %1").arg(row.missingNames)
                        color: "#fca5a5"
                        font.pixelSize: Theme.fontSmall
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                        Layout.leftMargin: 24
                    }
                }
            }
        }
    }
}
