pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Rollcall.Dashboard

// The live feed of taps, newest first, verdict in colour.
PanelFrame {
    id: panel
    required property var model
    property bool venueMode
    // Venue id → name, for a tap at another venue than the person's.
    property var venueNames: ({})
    // The photo of whoever just checked in (venue screen only).
    property TapPhoto photo: null

    title: qsTr("Live taps")

    // On the venue screen: the newest check-in's photo, large, so the door
    // staff can see that the badge is in the right hands.
    Rectangle {
        id: card
        objectName: "tapPhotoCard"
        visible: panel.venueMode && panel.photo !== null && panel.photo.shown
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: card.visible ? Theme.px(176) : 0
        radius: Theme.px(8)
        color: Theme.panelRaised
        Image {
            id: photoImage
            objectName: "tapPhotoImage"
            anchors { left: parent.left; leftMargin: Theme.px(8); verticalCenter: parent.verticalCenter }
            width: Theme.px(120)
            height: Theme.px(160)
            fillMode: Image.PreserveAspectFit
            source: card.visible ? panel.photo.url : ""
        }
        Column {
            anchors { left: photoImage.right; leftMargin: Theme.px(16); right: parent.right; rightMargin: Theme.px(8); verticalCenter: parent.verticalCenter }
            spacing: Theme.px(8)
            FitText {
                objectName: "tapPhotoName"
                width: parent.width
                text: card.visible ? panel.photo.name : ""
                color: Theme.text
                font.pixelSize: Theme.px(34)
                font.bold: true
            }
            Row {
                spacing: Theme.px(10)
                Text {
                    text: card.visible ? panel.photo.timeText : ""
                    color: Theme.muted
                    font.pixelSize: Theme.fontBody
                    font.family: "DejaVu Sans Mono"
                }
                Text {
                    text: card.visible ? panel.photo.verdictText : ""
                    color: card.visible ? panel.photo.verdictColor : Theme.muted
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                }
            }
            FitText {
                width: parent.width
                text: qsTr("Is the badge in the right hands?")
                color: Theme.muted
                font.pixelSize: Theme.fontSmall
            }
        }
    }

    ListView {
        objectName: "tapList"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; top: card.bottom; topMargin: card.visible ? Theme.px(8) : 0 }
        clip: true
        interactive: !panel.venueMode
        model: panel.model
        ScrollBar.vertical: ScrollBar { visible: !panel.venueMode }
        delegate: Item {
            id: row
            required property string timeText
            required property string who
            required property string verdictText
            required property color verdictColor
            required property string directionText
            required property string readerId
            required property string venueId
            required property string expectedVenue
            required property bool wrongVenue
            width: ListView.view.width
            height: Theme.px(48)
            Rectangle {
                anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                height: 1
                color: Theme.border
            }
            Text {
                id: time
                anchors { left: parent.left; verticalCenter: parent.verticalCenter }
                text: row.timeText
                color: Theme.muted
                font.pixelSize: Theme.fontSmall
                font.family: "DejaVu Sans Mono"
            }
            // As wide as its verdict needs ("Unknown badge", "早退"), at least the usual width.
            Rectangle {
                id: pill
                objectName: "verdictPill"
                anchors { left: time.right; leftMargin: Theme.px(10); verticalCenter: parent.verticalCenter }
                width: Math.max(Theme.px(96), verdict.implicitWidth + Theme.px(20))
                height: Theme.px(28)
                radius: height / 2
                color: row.verdictColor
                Text {
                    id: verdict
                    objectName: "verdictText"
                    anchors.centerIn: parent
                    text: row.verdictText
                    color: "#0b1220"
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                }
            }
            // Who above, where below: the name gets the row's whole width.
            FitText {
                objectName: "tapWho"
                anchors { left: pill.right; leftMargin: Theme.px(12); right: parent.right; rightMargin: Theme.px(8); top: parent.top; topMargin: Theme.px(2) }
                text: row.who
                color: Theme.text
                font.pixelSize: Theme.fontBody
            }
            FitText {
                id: where
                anchors { left: pill.right; leftMargin: Theme.px(12); right: wrong.left; rightMargin: Theme.px(8); bottom: parent.bottom; bottomMargin: Theme.px(3) }
                text: row.directionText + "  " + row.readerId
                color: Theme.muted
                font.pixelSize: Math.round(Theme.fontSmall * 0.85)
            }
            // Tapped at another venue than the one the person is expected at: say where they belong.
            Text {
                id: wrong
                objectName: "tapWrongVenue"
                anchors { right: parent.right; rightMargin: Theme.px(8); bottom: parent.bottom; bottomMargin: Theme.px(3) }
                visible: row.wrongVenue
                width: row.wrongVenue ? implicitWidth : 0
                text: row.wrongVenue ? "⚠ " + qsTr("Expected at %1").arg(panel.venueNames[row.expectedVenue] || row.expectedVenue) : ""
                color: Theme.warn
                font.pixelSize: Math.round(Theme.fontSmall * 0.85)
                font.bold: true
            }
        }
    }
    Text {
        anchors.centerIn: parent
        visible: panel.model.count === 0
        text: qsTr("No taps yet")
        color: Theme.muted
        font.pixelSize: Theme.fontBody
    }
}
