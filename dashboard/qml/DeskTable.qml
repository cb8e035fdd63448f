pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rollcall.Dashboard

// A desk's table (issue 16): real columns over a JsonRowsModel, each cell
// bound to its key, numbers right-aligned under their heading, so figures
// line up down the table. A heading with a key sorts by it (again: the other
// way round); a click on a row selects it; `actions` adds buttons at a row's
// end, each given as data (a component made in another file could not be
// instantiated here under ComponentBehavior: Bound on Qt 6.4).
ColumnLayout {
    id: table
    // [{ key, title, width (design px; 0 fills), number (right-aligned), format (a function of the value) }]
    property var columns: []
    property var model: null
    // [{ text, run (a function of the row's values), shown (optional: a function of them) }]
    property var actions: []
    property int actionsWidth: 0
    property int currentIndex: -1
    readonly property int rowHeight: Theme.px(36)
    signal activated(int index, var row)

    spacing: 0

    function cellText(column, value) {
        if (column.format)
            return column.format(value)
        return value === undefined || value === null ? "—" : String(value)
    }

    RowLayout {
        objectName: "tableHeader"
        Layout.fillWidth: true
        Layout.preferredHeight: table.rowHeight
        spacing: Theme.px(8)
        Repeater {
            model: table.columns
            delegate: Text {
                id: heading
                required property var modelData
                readonly property bool sorted: table.model !== null && table.model.sortKey === modelData.key
                Layout.preferredWidth: modelData.width ? Theme.px(modelData.width) : -1
                Layout.fillWidth: !modelData.width
                text: modelData.title + (sorted ? (table.model.descending ? " ▼" : " ▲") : "")
                color: sorted ? Theme.info : Theme.muted
                font.pixelSize: Theme.fontSmall
                font.bold: true
                horizontalAlignment: modelData.number ? Text.AlignRight : Text.AlignLeft
                elide: Text.ElideRight
                MouseArea {
                    anchors.fill: parent
                    enabled: table.model !== null
                    cursorShape: Qt.PointingHandCursor
                    onClicked: table.model.sortBy(heading.modelData.key)
                }
            }
        }
        Item { Layout.preferredWidth: table.actionsWidth }
    }
    Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.border }
    ListView {
        objectName: "tableRows"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: table.model
        ScrollBar.vertical: ScrollBar {}
        delegate: Rectangle {
            id: line
            required property int index
            required property var model
            width: ListView.view.width
            height: table.rowHeight
            color: index === table.currentIndex ? Theme.panelRaised : (index % 2 ? "transparent" : "#0f1828")
            MouseArea {
                anchors.fill: parent
                onClicked: {
                    table.currentIndex = line.index
                    table.activated(line.index, table.model.row(line.index))
                }
            }
            RowLayout {
                anchors.fill: parent
                spacing: Theme.px(8)
                Repeater {
                    model: table.columns
                    delegate: Text {
                        required property var modelData
                        Layout.preferredWidth: modelData.width ? Theme.px(modelData.width) : -1
                        Layout.fillWidth: !modelData.width
                        text: table.cellText(modelData, line.model[modelData.key])
                        color: Theme.text
                        font.pixelSize: Theme.fontSmall
                        horizontalAlignment: modelData.number ? Text.AlignRight : Text.AlignLeft
                        elide: Text.ElideRight
                    }
                }
                RowLayout {
                    Layout.preferredWidth: table.actionsWidth
                    visible: table.actions.length > 0
                    spacing: Theme.px(4)
                    Repeater {
                        model: table.actions
                        delegate: Button {
                            required property var modelData
                            text: modelData.text
                            font.pixelSize: Theme.fontSmall
                            visible: !modelData.shown || modelData.shown(table.model.row(line.index))
                            onClicked: modelData.run(table.model.row(line.index))
                        }
                    }
                }
            }
        }
    }
}
