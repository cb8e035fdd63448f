pragma Singleton
import QtQuick

// Colours and sizes of the board (the status colours match DisplayText's palette).
// Every size is a 1920×1080 design size times `scale`, which Main sets from the
// window (one factor for the whole board, so a projector at 1366×768 and a wall
// at 3840×2160 show the same layout) times the reading-distance setting.
QtObject {
    readonly property color background: "#0b1220"
    readonly property color panel: "#111a2c"
    readonly property color panelRaised: "#16223a"
    readonly property color border: "#22304a"
    readonly property color text: "#e6edf7"
    readonly property color muted: "#8ea0ba"
    // Hints in empty text fields: dimmer than typed text, readable on the dark fields.
    readonly property color placeholder: "#7f90ab"
    readonly property color good: "#22c55e"
    readonly property color warn: "#f59e0b"
    readonly property color bad: "#ef4444"
    readonly property color info: "#38bdf8"
    readonly property color subst: "#a78bfa"
    readonly property color early: "#fb923c"

    // Window size ÷ 1920×1080 (the smaller ratio), times the distance factor.
    property real scale: 1.0
    // Seconds a page of a long list stays on the venue screen.
    property int pageSeconds: 8

    readonly property int radius: px(10)
    readonly property int gap: px(14)
    readonly property int fontSmall: px(17)
    readonly property int fontBody: px(21)
    readonly property int fontTitle: px(24)

    // A design size (pixels at 1920×1080) on this screen.
    function px(designPixels: real): int {
        return Math.max(1, Math.round(designPixels * scale))
    }
}
