pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Rollcall.Dashboard

// Counts per venue at a plenary with branch venues (主会场 and each 分会场):
// who is expected at each, present, late, not arrived (absent after the end)
// and the rate, as the hub counts them. On the desktop board a click on a
// venue filters the person lists and the live feed to it; a second click
// shows the whole meeting again.
Item {
    id: bar
    required property Dashboard dashboard
    property bool pastEnd
    readonly property var venues: bar.dashboard.board.venueCounts

    visible: bar.venues.length > 0
    implicitHeight: bar.visible ? Theme.px(64) : 0

    Row {
        anchors.fill: parent
        spacing: Theme.gap
        Repeater {
            model: bar.venues
            delegate: Rectangle {
                id: cell
                required property var modelData
                readonly property bool selected: bar.dashboard.venueFilter === cell.modelData.venueId
                objectName: "venueCount_" + cell.modelData.venueId
                width: (bar.width - (bar.venues.length - 1) * Theme.gap) / bar.venues.length
                height: bar.height
                radius: Theme.radius
                color: cell.selected ? Theme.panelRaised : Theme.panel
                border.color: cell.selected ? Theme.info : Theme.border
                border.width: cell.selected ? Theme.px(3) : 1
                RowLayout {
                    anchors { fill: parent; leftMargin: Theme.px(14); rightMargin: Theme.px(14) }
                    spacing: Theme.px(12)
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        FitText {
                            objectName: "venueName"
                            text: (cell.modelData.main ? qsTr("Main venue") : qsTr("Branch venue")) + " · " + cell.modelData.name
                            color: Theme.text
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            Layout.fillWidth: true
                        }
                        FitText {
                            objectName: "venueFigures"
                            text: qsTr("Expected %1 · present %2 · late %3").arg(cell.modelData.expected).arg(cell.modelData.present).arg(cell.modelData.late)
                                  + " · " + (bar.pastEnd ? qsTr("absent %1").arg(cell.modelData.absent) : qsTr("not arrived %1").arg(cell.modelData.notArrived))
                            color: Theme.muted
                            font.pixelSize: Theme.fontSmall
                            Layout.fillWidth: true
                        }
                    }
                    Text {
                        objectName: "venueRate"
                        text: cell.modelData.rateText
                        color: cell.modelData.rateColor
                        font.pixelSize: Theme.px(34)
                        font.bold: true
                    }
                }
                TapHandler {
                    enabled: !bar.dashboard.venueMode
                    onTapped: bar.dashboard.venueFilter = cell.selected ? "" : cell.modelData.venueId
                }
            }
        }
    }
}
