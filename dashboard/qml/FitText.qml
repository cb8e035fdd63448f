import QtQuick
import QtQuick.Controls

// Text that carries a name or a number: it shrinks to fit its width (down to
// 60 % of its size) before it elides, and when it still has to elide, the whole
// text shows as a tooltip on hover (desktops; the venue screen pages instead).
Text {
    id: fit
    fontSizeMode: Text.HorizontalFit
    minimumPixelSize: Math.max(8, Math.round(fit.font.pixelSize * 0.6))
    elide: Text.ElideRight

    HoverHandler {
        id: hover
        enabled: fit.truncated
    }
    ToolTip.visible: hover.hovered && fit.truncated
    ToolTip.text: fit.text
    ToolTip.delay: 400
}
