import QtQuick
import QtQuick.Layouts
import Rollcall.Dashboard

// One large count of the board ("实到 96").
Rectangle {
    id: tile
    required property string label
    required property string value
    property color accent: Theme.text
    property string detail
    property real fraction: -1   // >= 0 shows a bar (the attendance rate)

    color: Theme.panel
    radius: Theme.radius
    border.color: Theme.border

    Rectangle {
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 1 }
        height: 6
        radius: 3
        color: tile.accent
    }
    ColumnLayout {
        anchors { fill: parent; margins: 14; topMargin: 16 }
        spacing: 0
        Text {
            text: tile.label
            color: Theme.muted
            font.pixelSize: Theme.fontBody
            Layout.fillWidth: true
            elide: Text.ElideRight
        }
        Text {
            objectName: "countValue"
            text: tile.value
            color: tile.accent
            font.pixelSize: 68
            font.bold: true
            Layout.fillWidth: true
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: 28
        }
        Item {
            Layout.fillWidth: true
            Layout.preferredHeight: 18
            Text {
                visible: tile.fraction < 0
                text: tile.detail
                color: Theme.muted
                font.pixelSize: Theme.fontSmall
                width: parent.width
                elide: Text.ElideRight
            }
            Rectangle {
                visible: tile.fraction >= 0
                anchors.verticalCenter: parent.verticalCenter
                width: parent.width
                height: 10
                radius: 5
                color: Theme.panelRaised
                Rectangle {
                    width: parent.width * tile.fraction
                    height: parent.height
                    radius: 5
                    color: tile.accent
                }
            }
        }
    }
}
