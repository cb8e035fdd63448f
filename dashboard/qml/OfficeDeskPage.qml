pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rollcall.Dashboard

// The office's desk (办公室, issue 16), a mode of its own: a period and a
// level; the units ranked, the people with their absences, late arrivals,
// early departures and notices, the notice register and the open appeals,
// each a table with real columns; a person's history; documents made at the
// hub, previewed here (PDF) and saved in `saveDir`. Every change asks for
// confirmation first. Long requests show as busy with their time and how far
// they have come (the hub's figures), and can be cancelled (the hub stops
// them); nothing here waits on the hub.
Rectangle {
    id: page
    required property OfficeDesk desk
    // Where documents are saved (--desk-dir).
    property string saveDir: "."
    property var pending: null

    color: Theme.background

    function ask(text, action) {
        page.pending = action
        confirm.text = text
        confirm.open()
    }
    function savePath(name) { return page.saveDir + "/" + name }
    function rate(value) { return value === "n/a" ? "n/a" : value + "%" }
    function rank(value) { return value === null || value === undefined ? "—" : String(value) }
    // The register's states as `notices list --json` gives them: "in force", "withdrawn by N", "withdraws N".
    function stateText(state) {
        if (state === "in force")
            return qsTr("in force")
        if (state.startsWith("withdrawn by "))
            return qsTr("withdrawn by %1").arg(state.substring(13))
        if (state.startsWith("withdraws "))
            return qsTr("withdraws %1").arg(state.substring(10))
        return state
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.px(10)

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.px(10)
            Text {
                text: qsTr("Office's desk")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
            Item { Layout.preferredWidth: Theme.px(30) }
            Text { text: qsTr("Period"); color: Theme.muted; font.pixelSize: Theme.fontBody }
            TextField {
                objectName: "officePeriod"
                text: page.desk.period
                font.pixelSize: Theme.fontBody
                Layout.preferredWidth: Theme.px(140)
                onEditingFinished: page.desk.period = text
            }
            Text { text: qsTr("Level"); color: Theme.muted; font.pixelSize: Theme.fontBody }
            SpinBox {
                from: 1
                to: 9
                value: page.desk.level
                font.pixelSize: Theme.fontBody
                onValueModified: page.desk.level = value
            }
            Button {
                text: qsTr("Refresh")
                font.pixelSize: Theme.fontBody
                enabled: !page.desk.busy
                onClicked: page.desk.refresh()
            }
            Item { Layout.fillWidth: true }
            BusyIndicator {
                running: page.desk.busy
                visible: running
                Layout.preferredHeight: Theme.px(36)
                Layout.preferredWidth: Theme.px(36)
            }
            // How far a long report has come, as the hub counts it (meeting 37 of 120).
            ProgressBar {
                objectName: "officeProgress"
                visible: page.desk.busy && page.desk.progressTotal > 0
                from: 0
                to: Math.max(1, page.desk.progressTotal)
                value: page.desk.progressDone
                Layout.preferredWidth: Theme.px(220)
            }
            Text {
                objectName: "officeProgressText"
                visible: page.desk.busy && page.desk.progressTotal > 0
                text: page.desk.progressText
                color: Theme.text
                font.pixelSize: Theme.fontBody
            }
            Text {
                objectName: "officeElapsed"
                visible: page.desk.busy
                text: qsTr("%1 s").arg(page.desk.elapsedSeconds)
                color: Theme.muted
                font.pixelSize: Theme.fontBody
            }
            Button {
                objectName: "officeCancel"
                text: qsTr("Cancel")
                font.pixelSize: Theme.fontBody
                visible: page.desk.busy
                onClicked: page.desk.cancel()
            }
        }
        Text {
            objectName: "officeMessage"
            Layout.fillWidth: true
            text: page.desk.busy ? qsTr("Working at the hub…") : page.desk.message
            color: page.desk.lastFailed ? Theme.bad : Theme.good
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.gap

            PanelFrame {
                Layout.fillWidth: true
                Layout.fillHeight: true
                title: tabs.currentItem ? tabs.currentItem.text : ""
                badge: page.desk.period
                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.px(8)
                    TabBar {
                        id: tabs
                        objectName: "officeTabs"
                        Layout.fillWidth: true
                        font.pixelSize: Theme.fontBody
                        TabButton { text: qsTr("Units ranked") }
                        TabButton { text: qsTr("People") }
                        TabButton { text: qsTr("Notice register") }
                        TabButton { text: qsTr("Open appeals") }
                    }
                    StackLayout {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        currentIndex: tabs.currentIndex

                        DeskTable {
                            objectName: "officeRanking"
                            model: page.desk.ranking
                            // At level 1 no unit is under another: the column would say "—" on every row.
                            columns: [
                                { key: "rank", title: qsTr("Rank"), width: 70, number: true, format: page.rank },
                                { key: "name", title: qsTr("Unit"), width: 0 },
                                { key: "group", title: qsTr("Under"), width: 170 },
                                { key: "expected", title: qsTr("Expected"), width: 90, number: true },
                                { key: "attended", title: qsTr("Attended"), width: 90, number: true },
                                { key: "late", title: qsTr("Late"), width: 80, number: true },
                                { key: "absent", title: qsTr("Absent"), width: 80, number: true },
                                { key: "excused", title: qsTr("Excused"), width: 80, number: true },
                                { key: "rate", title: qsTr("Rate"), width: 100, number: true, format: page.rate }
                            ].filter(column => column.key !== "group" || page.desk.level > 1)
                            // A unit's people: the next tab, filtered to it.
                            onActivated: (index, row) => {
                                page.desk.peopleUnit = row.unit
                                tabs.currentIndex = 1
                            }
                        }
                        ColumnLayout {
                            spacing: Theme.px(6)
                            RowLayout {
                                Layout.fillWidth: true
                                Text {
                                    Layout.fillWidth: true
                                    text: page.desk.peopleUnit === "" ? qsTr("Everyone with a meeting in the period; a row opens the person's history")
                                                                     : qsTr("People of %1").arg(page.desk.peopleUnit)
                                    color: Theme.muted
                                    font.pixelSize: Theme.fontSmall
                                    elide: Text.ElideRight
                                }
                                Button {
                                    visible: page.desk.peopleUnit !== ""
                                    text: qsTr("Everyone")
                                    font.pixelSize: Theme.fontSmall
                                    onClicked: page.desk.peopleUnit = ""
                                }
                            }
                            DeskTable {
                                objectName: "officePeople"
                                Layout.fillWidth: true
                                Layout.fillHeight: true
                                model: page.desk.people
                                columns: [
                                    { key: "name", title: qsTr("Name"), width: 200 },
                                    { key: "unit", title: qsTr("Unit"), width: 0 },
                                    { key: "expected", title: qsTr("Expected"), width: 80, number: true },
                                    { key: "absent", title: qsTr("Absent"), width: 80, number: true },
                                    { key: "late", title: qsTr("Late"), width: 80, number: true },
                                    { key: "left_early", title: qsTr("Left early"), width: 80, number: true },
                                    { key: "notices", title: qsTr("Notices"), width: 80, number: true },
                                    { key: "rate", title: qsTr("Rate"), width: 90, number: true, format: page.rate }
                                ]
                                onActivated: (index, row) => page.desk.openHistory(row.person_id)
                            }
                        }
                        ColumnLayout {
                            spacing: Theme.px(6)
                            DeskTable {
                                objectName: "officeNotices"
                                Layout.fillWidth: true
                                Layout.fillHeight: true
                                model: page.desk.notices
                                actionsWidth: Theme.px(330)
                                columns: [
                                    { key: "number", title: qsTr("Number"), width: 230 },
                                    { key: "name", title: qsTr("Whom"), width: 0 },
                                    { key: "measure", title: qsTr("Measure"), width: 130 },
                                    { key: "issued", title: qsTr("Issued"), width: 130 },
                                    { key: "state", title: qsTr("State"), width: 190, format: page.stateText }
                                ]
                                actions: [
                                    { text: qsTr("Preview"), run: row => page.desk.showPreview("notice:" + row.number) },
                                    { text: qsTr("Save PDF"),
                                      run: row => page.desk.save("notice:" + row.number, page.savePath("notice-" + row.year + "-" + row.n + ".pdf")) },
                                    { text: qsTr("Withdraw"),
                                      shown: row => row.kind === "notice" && row.state === "in force",
                                      run: row => page.ask(qsTr("Withdraw %1? Reason: %2").arg(row.number).arg(reason.text),
                                                           () => page.desk.withdrawNotice(row.number, reason.text)) }
                                ]
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                TextField {
                                    id: reason
                                    Layout.fillWidth: true
                                    placeholderText: qsTr("Reason for a withdrawal")
                                    font.pixelSize: Theme.fontSmall
                                }
                                Button {
                                    text: qsTr("Issue notices")
                                    font.pixelSize: Theme.fontSmall
                                    enabled: !page.desk.busy
                                    onClicked: page.ask(qsTr("Issue the notices the policy finds for %1?").arg(page.desk.period),
                                                        () => page.desk.issueNotices())
                                }
                            }
                        }
                        ColumnLayout {
                            spacing: Theme.px(6)
                            DeskTable {
                                objectName: "officeAppeals"
                                Layout.fillWidth: true
                                Layout.fillHeight: true
                                model: page.desk.appeals
                                actionsWidth: Theme.px(220)
                                columns: [
                                    { key: "id", title: qsTr("No."), width: 60, number: true },
                                    { key: "received", title: qsTr("Received"), width: 130 },
                                    { key: "title", title: qsTr("Meeting"), width: 220 },
                                    { key: "name", title: qsTr("Name"), width: 150 },
                                    { key: "reason", title: qsTr("Reason"), width: 0 }
                                ]
                                actions: [
                                    { text: qsTr("Uphold"),
                                      run: row => page.ask(qsTr("Uphold appeal #%1 of %2 (the status becomes excused and notices citing the meeting are withdrawn)? Reason: %3")
                                                           .arg(row.id).arg(row.name).arg(appealText.text),
                                                           () => page.desk.resolveAppeal(row.meeting, row.person_id, true, appealText.text)) },
                                    { text: qsTr("Reject"),
                                      run: row => page.ask(qsTr("Reject appeal #%1 of %2? Reason: %3").arg(row.id).arg(row.name).arg(appealText.text),
                                                           () => page.desk.resolveAppeal(row.meeting, row.person_id, false, appealText.text)) }
                                ]
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                TextField {
                                    id: appealMeeting
                                    Layout.preferredWidth: Theme.px(200)
                                    placeholderText: qsTr("Meeting id")
                                    font.pixelSize: Theme.fontSmall
                                }
                                TextField {
                                    id: appealPerson
                                    Layout.preferredWidth: Theme.px(160)
                                    placeholderText: qsTr("Person id")
                                    font.pixelSize: Theme.fontSmall
                                }
                                TextField {
                                    id: appealText
                                    Layout.fillWidth: true
                                    placeholderText: qsTr("Reason (of the appeal, or of its resolution)")
                                    font.pixelSize: Theme.fontSmall
                                }
                                Button {
                                    text: qsTr("Record appeal")
                                    font.pixelSize: Theme.fontSmall
                                    enabled: !page.desk.busy
                                    onClicked: page.ask(qsTr("Record an appeal of %1 against meeting %2, received today? Reason: %3")
                                                        .arg(appealPerson.text).arg(appealMeeting.text).arg(appealText.text),
                                                        () => page.desk.addAppeal(appealMeeting.text, appealPerson.text, appealText.text))
                                }
                            }
                        }
                    }
                }
            }
            ColumnLayout {
                Layout.preferredWidth: Theme.px(720)
                Layout.maximumWidth: Theme.px(720)
                Layout.fillHeight: true
                spacing: Theme.gap

                PanelFrame {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredHeight: 3
                    title: page.desk.previewTitle === "" ? qsTr("Preview") : page.desk.previewTitle
                    badge: pdf.pageCount > 0 ? qsTr("page %1/%2").arg(pdf.page + 1).arg(pdf.pageCount) : ""
                    ColumnLayout {
                        anchors.fill: parent
                        spacing: Theme.px(6)
                        Flickable {
                            id: sheet
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            clip: true
                            contentWidth: width
                            contentHeight: pdf.height
                            ScrollBar.vertical: ScrollBar {}
                            PdfPageView {
                                id: pdf
                                objectName: "officePreview"
                                width: sheet.width
                                height: sheet.width * aspect
                                document: page.desk.preview
                                visible: pageCount > 0
                            }
                            Text {
                                visible: pdf.pageCount === 0
                                width: sheet.width
                                text: qsTr("Preview a document below: it is made at the hub and shown here before you save it (XLSX and CSV are saved, not previewed).")
                                color: Theme.muted
                                font.pixelSize: Theme.fontSmall
                                wrapMode: Text.Wrap
                            }
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            Button {
                                text: qsTr("◀")
                                enabled: pdf.page > 0
                                onClicked: pdf.page = pdf.page - 1
                            }
                            Button {
                                text: qsTr("▶")
                                enabled: pdf.page + 1 < pdf.pageCount
                                onClicked: pdf.page = pdf.page + 1
                            }
                            Item { Layout.fillWidth: true }
                            TextField {
                                id: sheetMeeting
                                Layout.preferredWidth: Theme.px(190)
                                placeholderText: qsTr("Meeting id")
                                font.pixelSize: Theme.fontSmall
                            }
                            Button {
                                text: qsTr("Sign-in sheet")
                                font.pixelSize: Theme.fontSmall
                                enabled: sheetMeeting.text !== ""
                                onClicked: page.desk.showPreview("meeting:" + sheetMeeting.text)
                            }
                            Button {
                                text: qsTr("Save")
                                font.pixelSize: Theme.fontSmall
                                enabled: sheetMeeting.text !== ""
                                onClicked: page.desk.save("meeting:" + sheetMeeting.text, page.savePath("sheet-" + sheetMeeting.text + ".pdf"))
                            }
                        }
                        GridLayout {
                            Layout.fillWidth: true
                            columns: 3
                            columnSpacing: Theme.px(6)
                            rowSpacing: Theme.px(4)
                            Text { text: qsTr("Period report"); color: Theme.text; font.pixelSize: Theme.fontSmall; Layout.fillWidth: true }
                            Button {
                                text: qsTr("Preview")
                                font.pixelSize: Theme.fontSmall
                                onClicked: page.desk.showPreview("period")
                            }
                            Button {
                                text: qsTr("Save PDF")
                                font.pixelSize: Theme.fontSmall
                                onClicked: page.desk.save("period", page.savePath("period-" + page.desk.period + ".pdf"))
                            }
                            Text { text: qsTr("Performance table"); color: Theme.text; font.pixelSize: Theme.fontSmall; Layout.fillWidth: true }
                            Button {
                                text: qsTr("Preview")
                                font.pixelSize: Theme.fontSmall
                                onClicked: page.desk.showPreview("performance")
                            }
                            Button {
                                text: qsTr("Save XLSX")
                                font.pixelSize: Theme.fontSmall
                                onClicked: page.desk.save("performance", page.savePath("performance-" + page.desk.period + ".xlsx"))
                            }
                            Text { text: qsTr("Disclosure list"); color: Theme.text; font.pixelSize: Theme.fontSmall; Layout.fillWidth: true }
                            Button {
                                text: qsTr("Preview")
                                font.pixelSize: Theme.fontSmall
                                onClicked: page.desk.showPreview("disclosure")
                            }
                            Button {
                                text: qsTr("Save PDF")
                                font.pixelSize: Theme.fontSmall
                                onClicked: page.desk.save("disclosure", page.savePath("disclosure-" + page.desk.period + ".pdf"))
                            }
                        }
                        Text {
                            Layout.fillWidth: true
                            text: qsTr("Documents are saved in %1").arg(page.saveDir)
                            color: Theme.muted
                            font.pixelSize: Theme.fontSmall
                            elide: Text.ElideMiddle
                        }
                    }
                }
                PanelFrame {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredHeight: 1
                    title: page.desk.historyPerson === "" ? qsTr("A person's history") : qsTr("History of %1").arg(page.desk.historyPerson)
                    ColumnLayout {
                        anchors.fill: parent
                        RowLayout {
                            Layout.fillWidth: true
                            TextField {
                                id: person
                                Layout.fillWidth: true
                                placeholderText: qsTr("Person id")
                                font.pixelSize: Theme.fontSmall
                            }
                            Button {
                                text: qsTr("Open")
                                font.pixelSize: Theme.fontSmall
                                onClicked: page.desk.openHistory(person.text)
                            }
                        }
                        ScrollView {
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            clip: true
                            Text {
                                objectName: "officeHistory"
                                width: parent ? parent.width : 0
                                text: page.desk.history
                                color: Theme.text
                                font.pixelSize: Theme.fontSmall
                                wrapMode: Text.Wrap
                            }
                        }
                    }
                }
            }
        }
    }

    Dialog {
        id: confirm
        objectName: "officeConfirm"
        property alias text: confirmText.text
        anchors.centerIn: parent
        width: Math.min(parent.width * 0.6, Theme.px(900))
        modal: true
        title: qsTr("Confirm")
        standardButtons: Dialog.Ok | Dialog.Cancel
        Text {
            id: confirmText
            width: parent ? parent.width : 0
            color: Theme.text
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
        }
        onAccepted: if (page.pending) page.pending()
    }
}
