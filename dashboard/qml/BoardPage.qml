pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rollcall.Dashboard

// The meeting board: header, large counts, and the panels below.
Item {
    id: page
    required property Dashboard dashboard
    readonly property MeetingBoard board: page.dashboard.board

    ColumnLayout {
        anchors { fill: parent; margins: Theme.gap }
        spacing: Theme.gap

        // ---- header: title, venues, times, countdown, clock, connection
        RowLayout {
            Layout.fillWidth: true
            spacing: 24
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 4
                Text {
                    objectName: "meetingTitle"
                    text: page.board.title
                    color: Theme.text
                    font.pixelSize: 44
                    font.bold: true
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                }
                Text {
                    text: page.board.venuesText + "    " + page.board.timeWindowText + "    " + page.board.graceText
                    color: Theme.muted
                    font.pixelSize: Theme.fontTitle
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                }
            }
            Row {
                visible: !page.dashboard.venueMode
                spacing: 8
                Button {
                    text: qsTr("Switch meeting")
                    onClicked: page.dashboard.showPicker()
                }
                Button {
                    text: qsTr("Venue screen")
                    onClicked: page.dashboard.venueMode = true
                }
            }
            ColumnLayout {
                spacing: 0
                Text {
                    text: page.board.phaseText
                    color: Theme.muted
                    font.pixelSize: Theme.fontTitle
                    Layout.alignment: Qt.AlignRight
                }
                Text {
                    objectName: "countdown"
                    text: page.board.countdownText
                    color: page.board.phaseColor
                    font.pixelSize: 52
                    font.bold: true
                    Layout.alignment: Qt.AlignRight
                }
            }
            ColumnLayout {
                spacing: 6
                Text {
                    text: page.board.nowText
                    color: Theme.text
                    font.pixelSize: 34
                    font.family: "DejaVu Sans Mono"
                    Layout.alignment: Qt.AlignRight
                }
                Rectangle {
                    Layout.alignment: Qt.AlignRight
                    radius: 12
                    color: page.dashboard.connectionLost ? Theme.bad : (page.dashboard.live ? "#14532d" : Theme.panelRaised)
                    implicitWidth: connText.implicitWidth + 24
                    implicitHeight: 28
                    Text {
                        id: connText
                        anchors.centerIn: parent
                        text: page.dashboard.connectionText
                        color: Theme.text
                        font.pixelSize: Theme.fontSmall
                    }
                }
            }
        }

        // ---- reader alarm
        Rectangle {
            objectName: "readerAlarm"
            visible: page.dashboard.readers.alarmCount > 0
            Layout.fillWidth: true
            implicitHeight: 48
            radius: Theme.radius
            color: Theme.bad
            Text {
                anchors { fill: parent; leftMargin: 18; rightMargin: 18 }
                verticalAlignment: Text.AlignVCenter
                text: "⚠  " + qsTr("Reader alarm: %1").arg(page.dashboard.readers.alarmText)
                color: "white"
                font.pixelSize: Theme.fontTitle
                font.bold: true
                elide: Text.ElideRight
            }
        }

        // ---- a revoked (lost) badge tapped: someone is carrying it
        Rectangle {
            objectName: "lostCardAlert"
            visible: page.dashboard.tapFeed.lostCardAlert !== ""
            Layout.fillWidth: true
            implicitHeight: 48
            radius: Theme.radius
            color: Theme.bad
            Text {
                objectName: "lostCardAlertText"
                anchors { fill: parent; leftMargin: 18; rightMargin: 18 }
                verticalAlignment: Text.AlignVCenter
                text: "⚠  " + page.dashboard.tapFeed.lostCardAlert
                color: "white"
                font.pixelSize: Theme.fontTitle
                font.bold: true
                elide: Text.ElideRight
            }
        }

        // ---- large counts
        Item {
            id: counts
            // nine tiles, the rate tile twice as wide
            readonly property real unit: (width - 8 * Theme.gap) / 10
            Layout.fillWidth: true
            Layout.preferredHeight: 168
            Row {
                anchors.fill: parent
                spacing: Theme.gap
                CountTile {
                    width: counts.unit; height: counts.height
                    label: qsTr("Expected"); value: page.board.expected
                    detail: qsTr("Walk-ins %1 · unknown badges %2").arg(page.board.walkIns).arg(page.board.unknownBadges)
                }
                CountTile {
                    width: counts.unit; height: counts.height
                    label: qsTr("Present"); value: page.board.present; accent: Theme.good
                    detail: qsTr("Attended %1").arg(page.board.attended)
                }
                CountTile {
                    width: counts.unit; height: counts.height
                    label: qsTr("Late"); value: page.board.late; accent: Theme.warn
                }
                CountTile {
                    width: counts.unit; height: counts.height
                    label: qsTr("Not arrived"); value: page.board.notArrived; accent: Theme.muted
                }
                CountTile {
                    width: counts.unit; height: counts.height
                    label: qsTr("Absent"); value: page.board.absent; accent: Theme.bad
                }
                CountTile {
                    width: counts.unit; height: counts.height
                    label: qsTr("On leave"); value: page.board.excused; accent: Theme.info
                }
                CountTile {
                    width: counts.unit; height: counts.height
                    label: qsTr("Substituted"); value: page.board.substituted; accent: Theme.subst
                }
                CountTile {
                    width: counts.unit; height: counts.height
                    label: qsTr("Left early"); value: page.board.leftEarly; accent: Theme.early
                    detail: qsTr("Left mid-meeting %1").arg(page.board.leftMidMeeting)
                }
                CountTile {
                    objectName: "rateTile"
                    width: 2 * counts.unit; height: counts.height
                    label: qsTr("Attendance rate"); value: page.board.rateText; accent: page.board.rateColor
                    fraction: page.board.rate
                }
            }
        }

        // ---- panels
        Item {
            id: panels
            readonly property real share: (width - 2 * Theme.gap) / 10
            Layout.fillWidth: true
            Layout.fillHeight: true
            UnitPanel {
                x: 0
                width: 4 * panels.share
                height: panels.height
                model: page.dashboard.units
                venueMode: page.dashboard.venueMode
            }
            ColumnLayout {
                x: 4 * panels.share + Theme.gap
                width: 3 * panels.share
                height: panels.height
                spacing: Theme.gap
                PersonListPanel {
                    objectName: "absentees"
                    Layout.fillWidth: true; Layout.fillHeight: true
                    title: qsTr("Absent"); accent: Theme.bad
                    model: page.dashboard.absentees
                    count: page.dashboard.absentees.count
                    emptyText: qsTr("Nobody is absent")
                }
                PersonListPanel {
                    objectName: "lates"
                    Layout.fillWidth: true; Layout.fillHeight: true
                    title: qsTr("Late"); accent: Theme.warn
                    model: page.dashboard.lates
                    count: page.dashboard.lates.count
                    emptyText: qsTr("Nobody is late")
                }
            }
            ColumnLayout {
                id: rightColumn
                x: 7 * panels.share + 2 * Theme.gap
                width: 3 * panels.share
                height: panels.height
                spacing: Theme.gap
                TapFeedPanel {
                    Layout.fillWidth: true
                    Layout.preferredHeight: (rightColumn.height - Theme.gap) * 0.6
                    model: page.dashboard.tapFeed
                }
                ReaderPanel {
                    Layout.fillWidth: true; Layout.fillHeight: true
                    model: page.dashboard.readers
                }
            }
        }
    }
}
