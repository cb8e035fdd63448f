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
    // The venue screen's page indicator ("第 2/3 页"), empty on one page.
    property string pageText
    default property alias content: body.data
    property alias headerExtra: extra.data

    color: Theme.panel
    radius: Theme.radius
    border.color: Theme.border

    RowLayout {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(14) }
        height: Theme.px(34)
        spacing: Theme.px(10)
        FitText {
            text: frame.title
            color: Theme.text
            font.pixelSize: Theme.fontTitle
            font.bold: true
            // Shrinks (then elides with a tooltip) only when the header is full.
            Layout.minimumWidth: Theme.px(60)
        }
        Rectangle {
            objectName: "panelBadge"
            visible: frame.badge.length > 0
            radius: height / 2
            color: frame.badgeColor
            implicitWidth: badgeText.implicitWidth + Theme.px(20)
            implicitHeight: Theme.px(26)
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
        Text {
            objectName: "pageIndicator"
            visible: frame.pageText.length > 0
            text: frame.pageText
            color: Theme.muted
            font.pixelSize: Theme.fontSmall
        }
        Row { id: extra; spacing: Theme.px(6) }
    }
    Item {
        id: body
        anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: parent.bottom; margins: Theme.px(14); topMargin: Theme.px(8) }
        clip: true
    }
}
