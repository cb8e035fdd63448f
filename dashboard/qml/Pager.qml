import QtQuick
import Rollcall.Dashboard

// Venue-screen paging of a list nobody can scroll: every Theme.pageSeconds the
// list moves on by a page of whole rows (the first row not wholly shown comes
// to the top), and after the last page starts again, so every entry reaches
// the wall within one cycle. `rowHeight` (the rows' height while paging) only
// sizes the page indicator; the pages follow the rows as laid out.
Item {
    id: pager
    required property ListView view
    property real rowHeight: 1
    property bool active
    property int page: 0

    readonly property int rowsPerPage: Math.max(1, Math.floor((pager.view.height + pager.view.spacing) / (pager.rowHeight + pager.view.spacing)))
    readonly property int pageCount: pager.active ? Math.max(1, Math.ceil(pager.view.count / pager.rowsPerPage)) : 1
    // "2 / 3" while there is more than one page.
    readonly property string indicator: pager.pageCount > 1 ? qsTr("Page %1 / %2").arg(Math.min(pager.page + 1, pager.pageCount)).arg(pager.pageCount) : ""

    visible: false

    // The first row not wholly shown, or -1 when the last row is.
    function firstRowBelow(): int {
        const v = pager.view
        const bottom = v.contentY + v.height
        const last = v.itemAtIndex(v.count - 1)
        if (v.count === 0 || (last && last.y + last.height <= bottom + 0.5))
            return -1
        let i = v.indexAt(1, bottom - 1)
        if (i < 0)
            i = v.indexAt(1, bottom - 1 - v.spacing)
        if (i < 0)
            return -1
        const item = v.itemAtIndex(i)
        return item && item.y + item.height <= bottom + 0.5 ? i + 1 : i
    }
    function nextPage() {
        if (!pager.view)
            return
        const next = pager.firstRowBelow()
        if (next < 0 || next >= pager.view.count) {
            showPage(0)
            return
        }
        pager.page = pager.page + 1
        pager.view.positionViewAtIndex(next, ListView.Beginning)
    }
    function showPage(p: int) {
        pager.page = p
        if (!pager.view)
            return
        if (p === 0)
            pager.view.positionViewAtBeginning()
        else
            pager.view.positionViewAtIndex(p * pager.rowsPerPage, ListView.Beginning)
    }

    onActiveChanged: showPage(0)

    Timer {
        objectName: "pageTimer"
        interval: Theme.pageSeconds * 1000
        repeat: true
        running: pager.active && pager.pageCount > 1
        onTriggered: pager.nextPage()
    }
}
