pragma Singleton
import QtQuick

// Colours and sizes of the board (the status colours match DisplayText's palette).
QtObject {
    readonly property color background: "#0b1220"
    readonly property color panel: "#111a2c"
    readonly property color panelRaised: "#16223a"
    readonly property color border: "#22304a"
    readonly property color text: "#e6edf7"
    readonly property color muted: "#8ea0ba"
    readonly property color good: "#22c55e"
    readonly property color warn: "#f59e0b"
    readonly property color bad: "#ef4444"
    readonly property color info: "#38bdf8"
    readonly property color subst: "#a78bfa"
    readonly property color early: "#fb923c"
    readonly property int radius: 10
    readonly property int gap: 14
    readonly property int fontSmall: 17
    readonly property int fontBody: 21
    readonly property int fontTitle: 24
}
