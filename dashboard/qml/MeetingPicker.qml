pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rollcall.Dashboard

// Today's meetings by venue; choosing one opens its board.
Rectangle {
    id: picker
    required property Dashboard dashboard
    color: Theme.background

    ColumnLayout {
        anchors { fill: parent; margins: Theme.px(40) }
        spacing: Theme.px(20)
        RowLayout {
            Layout.fillWidth: true
            Text {
                text: qsTr("Today's meetings")
                color: Theme.text
                font.pixelSize: Theme.px(44)
                font.bold: true
                Layout.fillWidth: true
            }
            Text {
                text: picker.dashboard.connectionText
                color: picker.dashboard.connectionLost ? Theme.bad : Theme.muted
                font.pixelSize: Theme.fontBody
            }
            Button {
                text: qsTr("Refresh")
                font.pixelSize: Theme.fontSmall
                onClicked: picker.dashboard.refreshMeetings()
            }
            Button {
                visible: picker.dashboard.board.hasMeeting
                text: qsTr("Back to the board")
                font.pixelSize: Theme.fontSmall
                onClicked: picker.dashboard.selectMeeting(picker.dashboard.board.meetingId)
            }
        }
        ListView {
            objectName: "meetingList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.px(8)
            model: picker.dashboard.meetings
            delegate: Column {
                id: row
                required property string meetingId
                required property string title
                required property string venueHeading
                required property string venuesText
                required property string timeText
                required property string stateText
                required property color stateColor
                width: ListView.view.width
                spacing: Theme.px(6)
                Text {
                    visible: row.venueHeading.length > 0
                    text: row.venueHeading
                    color: Theme.info
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    topPadding: Theme.px(14)
                }
                Rectangle {
                    width: parent.width
                    height: Theme.px(76)
                    radius: Theme.radius
                    color: mouse.containsMouse ? Theme.panelRaised : Theme.panel
                    border.color: Theme.border
                    MouseArea {
                        id: mouse
                        anchors.fill: parent
                        hoverEnabled: true
                        onClicked: picker.dashboard.selectMeeting(row.meetingId)
                    }
                    RowLayout {
                        anchors { fill: parent; leftMargin: Theme.px(20); rightMargin: Theme.px(20) }
                        spacing: Theme.px(20)
                        Text { text: row.timeText; color: Theme.text; font.pixelSize: Theme.px(28); font.family: "DejaVu Sans Mono" }
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: Theme.px(2)
                            FitText { text: row.title; color: Theme.text; font.pixelSize: Theme.px(28); font.bold: true; Layout.fillWidth: true }
                            FitText { text: row.venuesText; color: Theme.muted; font.pixelSize: Theme.fontSmall; Layout.fillWidth: true }
                        }
                        Rectangle {
                            radius: height / 2
                            color: row.stateColor
                            implicitWidth: st.implicitWidth + Theme.px(24)
                            implicitHeight: Theme.px(30)
                            Text { id: st; anchors.centerIn: parent; text: row.stateText; color: "#0b1220"; font.pixelSize: Theme.fontSmall; font.bold: true }
                        }
                    }
                }
            }
        }
        Text {
            visible: picker.dashboard.meetings.count === 0
            text: qsTr("No meetings today (or the hub has not answered yet).")
            color: Theme.muted
            font.pixelSize: Theme.fontBody
        }
    }
}
