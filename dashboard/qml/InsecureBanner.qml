import QtQuick
import Rollcall.Dashboard

// A red strip across the bottom while the connection runs without keys
// (--insecure): anyone on the network can read this board and forge taps, and
// everyone looking at the screen should know.
Rectangle {
    id: banner
    required property Dashboard dashboard
    objectName: "insecureBanner"
    visible: banner.dashboard.insecure
    height: 56
    color: "#b91c1c"
    z: 100

    Text {
        anchors.centerIn: parent
        text: "⚠  " + qsTr("INSECURE: no encryption, no keys — anyone on the network can read this board and forge taps")
        color: "white"
        font.pixelSize: 26
        font.bold: true
    }
}
