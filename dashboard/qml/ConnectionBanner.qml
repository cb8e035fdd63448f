import QtQuick
import Rollcall.Dashboard

// Shown over everything while the hub does not answer: the board may be stale.
Rectangle {
    id: banner
    required property Dashboard dashboard
    visible: banner.dashboard.connectionLost
    color: "#cc0b1220"

    Rectangle {
        objectName: "connectionLostBox"
        anchors.centerIn: parent
        width: Math.min(parent.width - 80, 1100)
        height: 170
        radius: 16
        color: "#7f1d1d"
        border.color: Theme.bad
        border.width: 3
        Column {
            anchors.centerIn: parent
            spacing: 12
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                text: "⚠  " + qsTr("Connection to the hub lost — reconnecting…")
                color: "white"
                font.pixelSize: 40
                font.bold: true
            }
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                text: qsTr("The figures below may be out of date; the board reloads as soon as the hub answers.")
                color: "#fecaca"
                font.pixelSize: Theme.fontTitle
            }
        }
    }
}
