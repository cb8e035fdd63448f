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
        height: Theme.px(6)
        radius: height / 2
        color: tile.accent
    }
    ColumnLayout {
        anchors { fill: parent; margins: Theme.px(12); topMargin: Theme.px(14) }
        spacing: 0
        FitText {
            objectName: "countLabel"
            text: tile.label
            color: Theme.muted
            font.pixelSize: Theme.fontBody
            Layout.fillWidth: true
        }
        Text {
            objectName: "countValue"
            text: tile.value
            color: tile.accent
            font.pixelSize: Theme.px(68)
            font.bold: true
            Layout.fillWidth: true
            Layout.fillHeight: true
            verticalAlignment: Text.AlignVCenter
            fontSizeMode: Text.Fit
            minimumPixelSize: Theme.px(20)
        }
        // The detail ("Walk-ins 0 · unknown badges 0") may take two lines and
        // shrinks to fit: it carries numbers, so it is never cut off. Where
        // one line is too narrow for it, it breaks at its "·" (Chinese text
        // may otherwise break inside a word: "未知" | "卡 3").
        Item {
            id: detailBox
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.px(40)
            TextMetrics {
                id: detailOneLine
                font.pixelSize: Theme.fontSmall
                text: tile.detail
            }
            Text {
                objectName: "countDetail"
                visible: tile.fraction < 0
                anchors.fill: parent
                text: detailOneLine.advanceWidth > detailBox.width && tile.detail.indexOf("\n") < 0
                      ? tile.detail.replace(" · ", "\n") : tile.detail
                color: Theme.muted
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                verticalAlignment: Text.AlignBottom
                fontSizeMode: Text.Fit
                minimumPixelSize: Math.max(7, Math.round(Theme.fontSmall * 0.55))
            }
            Rectangle {
                visible: tile.fraction >= 0
                anchors.verticalCenter: parent.verticalCenter
                width: parent.width
                height: Theme.px(10)
                radius: height / 2
                color: Theme.panelRaised
                Rectangle {
                    width: parent.width * Math.max(0, Math.min(1, tile.fraction))
                    height: parent.height
                    radius: height / 2
                    color: tile.accent
                }
            }
        }
    }
}
