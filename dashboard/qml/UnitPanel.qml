pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rollcall.Dashboard

// Attendance by unit: a collapsible unit tree with counts, rate and the
// names of who is missing. On the venue screen it pages by itself.
PanelFrame {
    id: panel
    required property UnitTreeModel model
    property bool venueMode

    title: qsTr("By unit")
    badge: qsTr("%1 units").arg(panel.model.unitCount)
    pageText: pager.indicator
    headerExtra: [
        Button {
            visible: !panel.venueMode
            text: qsTr("Roster")
            font.pixelSize: Theme.fontSmall
            checkable: true
            checked: panel.model.sortMode === UnitTreeModel.RosterOrder
            onClicked: panel.model.sortMode = UnitTreeModel.RosterOrder
        },
        Button {
            visible: !panel.venueMode
            text: qsTr("Rate ↑")
            font.pixelSize: Theme.fontSmall
            checkable: true
            checked: panel.model.sortMode === UnitTreeModel.RateAscending
            onClicked: panel.model.sortMode = UnitTreeModel.RateAscending
        },
        Button {
            visible: !panel.venueMode
            text: qsTr("Rate ↓")
            font.pixelSize: Theme.fontSmall
            checkable: true
            checked: panel.model.sortMode === UnitTreeModel.RateDescending
            onClicked: panel.model.sortMode = UnitTreeModel.RateDescending
        }
    ]

    // Row height with the missing line; every row's on the venue screen.
    readonly property int tallRow: Theme.px(58)

    Pager {
        id: pager
        objectName: "pager"
        view: list
        rowHeight: panel.tallRow
        active: panel.venueMode
    }
    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.px(4)
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.px(8)
            FitText { text: qsTr("Unit"); color: Theme.muted; font.pixelSize: Theme.fontSmall; Layout.fillWidth: true }
            FitText { text: qsTr("Expected"); color: Theme.muted; font.pixelSize: Theme.fontSmall; Layout.preferredWidth: Theme.px(64); horizontalAlignment: Text.AlignRight }
            FitText { text: qsTr("Here"); color: Theme.muted; font.pixelSize: Theme.fontSmall; Layout.preferredWidth: Theme.px(64); horizontalAlignment: Text.AlignRight }
            FitText { text: qsTr("Missing"); color: Theme.muted; font.pixelSize: Theme.fontSmall; Layout.preferredWidth: Theme.px(64); horizontalAlignment: Text.AlignRight }
            FitText { text: qsTr("Rate"); color: Theme.muted; font.pixelSize: Theme.fontSmall; Layout.preferredWidth: Theme.px(92); horizontalAlignment: Text.AlignRight }
        }
        ListView {
            id: list
            objectName: "unitList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            interactive: !panel.venueMode
            spacing: Theme.px(2)
            model: panel.model
            ScrollBar.vertical: ScrollBar { visible: !panel.venueMode }
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
                required property string walkInNames

                width: ListView.view.width
                // One height for every row on the venue screen, so its pages are exact.
                height: panel.venueMode || missingLine.visible ? panel.tallRow : Theme.px(36)
                color: row.depth === 0 ? Theme.panelRaised : "transparent"
                radius: Theme.px(6)

                MouseArea {
                    anchors.fill: parent
                    enabled: row.hasChildren
                    onClicked: panel.model.toggle(row.index)
                }
                ColumnLayout {
                    anchors { fill: parent; leftMargin: Theme.px(6 + row.depth * 22); rightMargin: Theme.px(6) }
                    spacing: 0
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.px(8)
                        Text {
                            text: row.hasChildren ? (row.expanded ? "▾" : "▸") : "•"
                            color: Theme.muted
                            font.pixelSize: Theme.fontBody
                            Layout.preferredWidth: Theme.px(16)
                        }
                        FitText {
                            objectName: "unitName"
                            text: row.name
                            color: Theme.text
                            font.pixelSize: Theme.fontBody
                            font.bold: row.depth === 0
                            Layout.fillWidth: true
                        }
                        FitText { text: row.expected; color: Theme.text; font.pixelSize: Theme.fontBody; Layout.preferredWidth: Theme.px(64); horizontalAlignment: Text.AlignRight }
                        FitText { text: row.attended; color: Theme.good; font.pixelSize: Theme.fontBody; Layout.preferredWidth: Theme.px(64); horizontalAlignment: Text.AlignRight }
                        FitText { text: row.missingCount; color: row.missingCount > 0 ? Theme.bad : Theme.muted; font.pixelSize: Theme.fontBody; Layout.preferredWidth: Theme.px(64); horizontalAlignment: Text.AlignRight }
                        FitText { text: row.rateText; color: row.rateColor; font.pixelSize: Theme.fontBody; font.bold: true; Layout.preferredWidth: Theme.px(92); horizontalAlignment: Text.AlignRight }
                    }
                    FitText {
                        id: missingLine
                        // Missing members, and walk-ins registered for the unit (列席, counted in no figure).
                        visible: row.missingNames.length > 0 || row.walkInNames.length > 0
                        text: [row.missingNames.length > 0 ? qsTr("Missing: %1").arg(row.missingNames) : "",
                               row.walkInNames.length > 0 ? qsTr("Walk-ins for the unit: %1").arg(row.walkInNames) : ""]
                              .filter(t => t.length > 0).join("　")
                        color: "#fca5a5"
                        font.pixelSize: Theme.fontSmall
                        Layout.fillWidth: true
                        Layout.leftMargin: Theme.px(24)
                    }
                }
            }
        }
    }
}
