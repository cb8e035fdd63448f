import QtQuick
import QtTest
import Rollcall.Dashboard

// Loads every QML file of Rollcall.Dashboard with real models (a fixture
// snapshot), failing on any warning (binding errors, missing properties).
TestCase {
    id: tc
    name: "Board"
    width: 1920
    height: 1080
    visible: true
    when: windowShown

    // A list for Pager.qml to page: 30 rows of 20 px, 100 px high.
    ListView {
        id: pagedList
        width: 200
        height: 100
        model: 30
        delegate: Item {
            required property int index
            width: 200
            height: 20
        }
    }

    function initialProperties(file) {
        const d = fixtureDashboard
        switch (file) {
        case "Main.qml":
        case "BoardPage.qml":
        case "MeetingPicker.qml":
        case "ConnectionBanner.qml":
        case "InsecureBanner.qml":
        case "VenueCountsBar.qml":
            return { dashboard: d }
        case "OfficeDeskPage.qml": return { desk: fixtureOffice, width: 1920, height: 1080 }
        case "DeskTable.qml": return { model: fixtureOffice.ranking, columns: [{ key: "name", title: "单位", width: 0 }], width: 800, height: 400 }
        case "OrganizerDeskPanel.qml": return { desk: fixtureDesk, width: 560, height: 1000 }
        case "UnitPanel.qml": return { model: d.units }
        case "PersonListPanel.qml": return { model: d.absentees, count: d.absentees.count, title: "缺席" }
        case "TapFeedPanel.qml": return { model: d.tapFeed }
        case "ReaderPanel.qml": return { model: d.readers }
        case "CountTile.qml": return { label: "应到", value: "120" }
        case "PanelFrame.qml": return { title: "标题" }
        case "FitText.qml": return { text: "阿卜杜热合曼·艾买提", width: 60 }
        case "Pager.qml": return { view: pagedList, rowHeight: 20, active: true }
        }
        return undefined
    }

    function test_everyQmlFileLoads_data() {
        return qmlFiles.map(f => ({ tag: f, file: f }))
    }

    function test_everyQmlFileLoads(data) {
        failOnWarning(/.*/)
        if (data.file === "Theme.qml") {  // a singleton: used, not instantiated
            verify(Theme.fontBody > 0)
            return
        }
        const component = Qt.createComponent("qrc:/Rollcall/Dashboard/" + data.file)
        compare(component.status, Component.Ready, component.errorString())
        const props = initialProperties(data.file)
        verify(props !== undefined, "no initial properties for " + data.file + "; add it to tst_Board.qml")
        const object = component.createObject(tc, props)
        verify(object !== null, "could not create " + data.file)
        // Render once, so views create their delegates and delegate bindings run too.
        waitForRendering(object instanceof Item ? object : object.contentItem)
        object.destroy()
    }

    function test_boardShowsTheModels() {
        const page = Qt.createComponent("qrc:/Rollcall/Dashboard/BoardPage.qml").createObject(tc, { dashboard: fixtureDashboard, width: 1920, height: 1080 })
        verify(page !== null)
        waitForRendering(page)
        const title = findChild(page, "meetingTitle")
        compare(title.text, "全州效能建设推进会")
        const units = findChild(page, "unitList")
        verify(units.count > 0)
        compare(units.count, fixtureDashboard.units.rowCount())
        const taps = findChild(page, "tapList")
        compare(taps.count, fixtureDashboard.tapFeed.count)
        const alarm = findChild(page, "readerAlarm")
        verify(alarm.visible)  // door-3 is offline during the meeting
        page.destroy()
    }

    function test_chineseIsTheDefaultLanguage() {
        compare(fixtureDashboard.board.phaseText, "距会议结束")
        compare(fixtureDashboard.board.graceText, "15:05 后签到记迟到")
    }

    function test_pagerShowsEveryRowWithinOneCycle() {
        const pager = Qt.createComponent("qrc:/Rollcall/Dashboard/Pager.qml").createObject(tc, { view: pagedList, rowHeight: 20, active: true })
        compare(pager.rowsPerPage, 5)
        compare(pager.pageCount, 6)
        compare(pager.indicator, "第 1/6 页")
        const seen = new Set()
        for (let p = 0; p < pager.pageCount; ++p) {
            compare(pager.page, p)
            for (let i = 0; i < pagedList.count; ++i) {
                const item = pagedList.itemAtIndex(i)
                if (item && item.y >= pagedList.contentY && item.y + item.height <= pagedList.contentY + pagedList.height)
                    seen.add(i)
            }
            pager.nextPage()
        }
        compare(pager.page, 0)
        compare(seen.size, 30)
        pager.active = false
        compare(pager.pageCount, 1)
        compare(pager.indicator, "")
        pager.destroy()
    }

    function test_clickingAUnitCollapsesIt() {
        const panel = Qt.createComponent("qrc:/Rollcall/Dashboard/UnitPanel.qml").createObject(tc, { model: fixtureDashboard.units, width: 800, height: 700 })
        waitForRendering(panel)
        const list = findChild(panel, "unitList")
        const before = list.count
        mouseClick(list.itemAtIndex(0))
        tryVerify(() => list.count < before)
        mouseClick(list.itemAtIndex(0))
        tryCompare(list, "count", before)
        panel.destroy()
    }

    // The desks' confirmation dialogs open with a long question without a QML warning
    // (the organizer's once logged a binding loop on implicitWidth).
    function test_confirmDialogsOpenWithoutWarnings_data() {
        return [
            { tag: "organizer", file: "OrganizerDeskPanel.qml", props: { desk: fixtureDesk, width: 560, height: 1000 }, dialog: "deskConfirm" },
            { tag: "office", file: "OfficeDeskPage.qml", props: { desk: fixtureOffice, width: 1920, height: 1080 }, dialog: "officeConfirm" }
        ]
    }

    function test_confirmDialogsOpenWithoutWarnings(data) {
        failOnWarning(/.*/)
        const page = Qt.createComponent("qrc:/Rollcall/Dashboard/" + data.file).createObject(tc, data.props)
        verify(page !== null)
        waitForRendering(page)
        page.ask("撤销 张三 的手工签到（忘带卡）？这是一个很长的问题，要折行显示，确认框的宽度不随内容变化。".repeat(3), () => {})
        const dialog = findChild(page, data.dialog)
        tryVerify(() => dialog.opened)
        verify(dialog.width > 0 && dialog.width <= page.width)
        dialog.reject()
        tryVerify(() => !dialog.visible)
        page.destroy()
    }

    // Hints in empty fields are drawn in the theme's placeholder colour, not the style's dark grey.
    function test_placeholdersUseTheThemesColour() {
        const main = Qt.createComponent("qrc:/Rollcall/Dashboard/Main.qml").createObject(tc, { dashboard: fixtureDashboard })
        verify(main !== null)
        compare(main.palette.placeholderText, Theme.placeholder)
        main.destroy()
    }

    // At level 1 no unit is under another: the ranking has no 上级单位 column there, and has it below.
    function test_rankingShowsTheUnitAboveOnlyBelowLevelOne() {
        const page = Qt.createComponent("qrc:/Rollcall/Dashboard/OfficeDeskPage.qml").createObject(tc, { desk: fixtureOffice, width: 1920, height: 1080 })
        const ranking = findChild(page, "officeRanking")
        const keys = () => ranking.columns.map(c => c.key)
        fixtureOffice.level = 1
        verify(keys().indexOf("group") < 0, keys().join(","))
        fixtureOffice.level = 2
        verify(keys().indexOf("group") >= 0, keys().join(","))
        fixtureOffice.level = 1
        page.destroy()
    }

    // A tile too narrow for its detail on one line breaks it at the "·", not
    // inside a word (the organizer desk's 应到 tile read "未知" | "卡 3");
    // a wide one keeps it on one line, and a detail with its own line break keeps that.
    function test_aNarrowTilesDetailBreaksAtTheDot_data() {
        return [
            { tag: "narrow", width: 110, detail: "列席 1 · 未知卡 3", shown: "列席 1\n未知卡 3" },
            { tag: "wide", width: 400, detail: "列席 1 · 未知卡 3", shown: "列席 1 · 未知卡 3" },
            { tag: "own break", width: 110, detail: "全会\n列席 1 · 未知卡 3", shown: "全会\n列席 1 · 未知卡 3" }
        ]
    }
    function test_aNarrowTilesDetailBreaksAtTheDot(data) {
        const tile = createTemporaryObject(Qt.createComponent("qrc:/Rollcall/Dashboard/CountTile.qml"), tc,
                                           { label: "应到", value: "21", detail: data.detail, width: data.width, height: 168 })
        verify(tile !== null)
        const detail = findChild(tile, "countDetail")
        compare(detail.text, data.shown)
    }
}
