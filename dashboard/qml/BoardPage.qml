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
    readonly property bool pastEnd: page.board.phase === MeetingBoard.Ended || page.board.phase === MeetingBoard.Finalized
    // The one number behind the absentee panel's header and the tile it
    // matches: before the end the panel lists who is overdue (the 未到 tile
    // says how many of its not-arrived are overdue), after the end the absent.
    // With the desktop board's venue filter on, the lists show that venue's
    // members only, and their headers say so and count what they list.
    readonly property bool venueFiltered: page.dashboard.venueFilter !== ""
    readonly property int missingListCount: page.pastEnd && !page.venueFiltered ? page.board.absent : page.dashboard.absentees.count
    readonly property string venueFilterSuffix: page.venueFiltered ? " · " + (page.board.venueNames[page.dashboard.venueFilter] || page.dashboard.venueFilter) : ""

    ColumnLayout {
        anchors { fill: parent; margins: Theme.gap }
        spacing: Theme.gap

        // ---- header: title, venues, date and times, countdown, clock, connection
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.px(24)
            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.px(4)
                FitText {
                    objectName: "meetingTitle"
                    text: page.board.title
                    color: Theme.text
                    font.pixelSize: Theme.px(44)
                    font.bold: true
                    Layout.fillWidth: true
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.px(24)
                    // Venue names may shrink and elide (with a tooltip); the date
                    // and the times never do.
                    FitText {
                        objectName: "venuesText"
                        text: page.board.venuesText
                        color: Theme.muted
                        font.pixelSize: Theme.fontTitle
                        Layout.fillWidth: true
                        Layout.minimumWidth: Theme.px(80)
                    }
                    Text {
                        objectName: "timeWindowText"
                        text: page.board.dateText + "  " + page.board.timeWindowText
                        color: Theme.muted
                        font.pixelSize: Theme.fontTitle
                    }
                    Text {
                        objectName: "graceText"
                        text: page.board.graceText
                        color: Theme.muted
                        font.pixelSize: Theme.fontTitle
                    }
                }
            }
            Row {
                visible: !page.dashboard.venueMode
                spacing: Theme.px(8)
                Button {
                    text: qsTr("Switch meeting")
                    font.pixelSize: Theme.fontSmall
                    onClicked: page.dashboard.showPicker()
                }
                Button {
                    text: qsTr("Venue screen")
                    font.pixelSize: Theme.fontSmall
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
                    font.pixelSize: Theme.px(52)
                    font.bold: true
                    Layout.alignment: Qt.AlignRight
                }
            }
            ColumnLayout {
                spacing: Theme.px(6)
                Text {
                    text: page.board.nowText
                    color: Theme.text
                    font.pixelSize: Theme.px(34)
                    font.family: "DejaVu Sans Mono"
                    Layout.alignment: Qt.AlignRight
                }
                Rectangle {
                    id: connBadge
                    objectName: "connectionBadge"
                    // A meeting that ended is a record, not a live feed: no "live" badge.
                    readonly property bool past: page.pastEnd
                    Layout.alignment: Qt.AlignRight
                    radius: height / 2
                    color: page.dashboard.connectionLost ? Theme.bad : (page.dashboard.live && !connBadge.past ? "#14532d" : Theme.panelRaised)
                    implicitWidth: connText.implicitWidth + Theme.px(24)
                    implicitHeight: Theme.px(28)
                    Text {
                        id: connText
                        objectName: "connectionText"
                        anchors.centerIn: parent
                        text: connBadge.past && !page.dashboard.connectionLost ? qsTr("Ended") : page.dashboard.connectionText
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
            implicitHeight: Theme.px(48)
            radius: Theme.radius
            color: Theme.bad
            FitText {
                anchors { fill: parent; leftMargin: Theme.px(18); rightMargin: Theme.px(18) }
                verticalAlignment: Text.AlignVCenter
                text: "⚠  " + qsTr("Reader alarm: %1").arg(page.dashboard.readers.alarmText)
                color: "white"
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
        }

        // ---- a revoked (lost) badge tapped: someone is carrying it; or the
        // hub cannot write the record. Acknowledged at a desk, the bar stays
        // with 已处理, who and the note, dimmed, until a new one comes.
        Rectangle {
            objectName: "lostCardAlert"
            visible: page.dashboard.alarms.bannerText !== ""
            Layout.fillWidth: true
            implicitHeight: Theme.px(48)
            radius: Theme.radius
            color: page.dashboard.alarms.bannerOpen ? Theme.bad : Theme.panelRaised
            border.color: Theme.bad
            FitText {
                objectName: "lostCardAlertText"
                anchors { fill: parent; leftMargin: Theme.px(18); rightMargin: Theme.px(18) }
                verticalAlignment: Text.AlignVCenter
                text: "⚠  " + page.dashboard.alarms.bannerText
                color: page.dashboard.alarms.bannerOpen ? "white" : Theme.muted
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
        }

        // ---- large counts
        Item {
            id: counts
            // nine tiles, the rate tile twice as wide
            readonly property real unit: (width - 8 * Theme.gap) / 10
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.px(168)
            Row {
                anchors.fill: parent
                spacing: Theme.gap
                CountTile {
                    width: counts.unit; height: counts.height
                    objectName: "expectedTile"
                    // With the venue filter every tile is that venue's; walk-ins and unknown badges have no venue:
                    // "全会" on a line of its own above them (in the tile's width the one-line form broke inside a word).
                    label: qsTr("Expected") + (page.board.venueScoped ? page.venueFilterSuffix : ""); value: page.board.expected
                    detail: (page.board.venueScoped ? qsTr("Whole meeting") + "\n" : "")
                            + qsTr("Walk-ins %1 · unknown badges %2").arg(page.board.walkIns).arg(page.board.unknownBadges)
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
                    detail: page.pastEnd ? "" : qsTr("Overdue %1").arg(page.missingListCount)
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

        // ---- per venue (a plenary with branch venues); a click filters the desktop board
        VenueCountsBar {
            objectName: "venueCounts"
            Layout.fillWidth: true
            Layout.preferredHeight: implicitHeight
            dashboard: page.dashboard
            pastEnd: page.pastEnd
        }

        // ---- panels
        Item {
            id: panels
            readonly property real share: (width - 2 * Theme.gap) / 10
            Layout.fillWidth: true
            Layout.fillHeight: true
            UnitPanel {
                objectName: "unitPanel"
                x: 0
                width: 4 * panels.share
                height: panels.height
                title: qsTr("By unit") + page.venueFilterSuffix
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
                    title: (page.pastEnd ? qsTr("Absent") : qsTr("Overdue")) + page.venueFilterSuffix
                    accent: Theme.bad
                    model: page.dashboard.absentees
                    count: page.missingListCount
                    venueNames: page.board.venueNames
                    emptyText: page.pastEnd ? qsTr("Nobody is absent") : qsTr("Nobody is overdue")
                    venueMode: page.dashboard.venueMode
                }
                PersonListPanel {
                    objectName: "lates"
                    Layout.fillWidth: true; Layout.fillHeight: true
                    title: qsTr("Late") + page.venueFilterSuffix; accent: Theme.warn
                    model: page.dashboard.lates
                    venueNames: page.board.venueNames
                    count: page.dashboard.lates.count
                    emptyText: qsTr("Nobody is late")
                    venueMode: page.dashboard.venueMode
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
                    model: page.dashboard.tapFeedShown
                    venueMode: page.dashboard.venueMode
                    venueNames: page.board.venueNames
                    photo: page.dashboard.tapPhoto
                    title: qsTr("Live taps") + page.venueFilterSuffix
                }
                ReaderPanel {
                    Layout.fillWidth: true; Layout.fillHeight: true
                    objectName: "readerPanel"
                    model: page.dashboard.readers
                    venueNames: page.board.venueNames
                    venueMode: page.dashboard.venueMode
                }
            }
        }
    }
}
