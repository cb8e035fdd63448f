pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Rollcall.Dashboard

// A titled panel of the board; children go below the title bar.
Rectangle {
    id: frame
    property string title
    property string badge
    property color badgeColor: Theme.muted
    default property alias content: body.data
    property alias headerExtra: extra.data

    color: Theme.panel
    radius: Theme.radius
    border.color: Theme.border

    RowLayout {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 14 }
        height: 34
        spacing: 10
        Text {
            text: frame.title
            color: Theme.text
            font.pixelSize: Theme.fontTitle
            font.bold: true
        }
        Rectangle {
            visible: frame.badge.length > 0
            radius: 13
            color: frame.badgeColor
            implicitWidth: badgeText.implicitWidth + 20
            implicitHeight: 26
            Text {
                id: badgeText
                anchors.centerIn: parent
                text: frame.badge
                color: "#0b1220"
                font.pixelSize: Theme.fontSmall
                font.bold: true
            }
        }
        Item { Layout.fillWidth: true }
        Row { id: extra; spacing: 6 }
    }
    Item {
        id: body
        anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: parent.bottom; margins: 14; topMargin: 8 }
        clip: true
    }
}
