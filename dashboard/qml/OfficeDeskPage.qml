pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rollcall.Dashboard

// The office's desk (办公室, issue 16), a mode of its own: a period and a
// level, the units ranked, the notice register, a person's history, and the
// documents made at the hub and saved in `saveDir`. Long requests show as
// busy and can be cancelled; nothing here waits on the hub.
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
        spacing: Theme.gap

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
                title: qsTr("Units ranked by attendance rate")
                badge: page.desk.period
                ColumnLayout {
                    anchors.fill: parent
                    Text {
                        Layout.fillWidth: true
                        text: page.desk.rankingColumns.join("　")
                        color: Theme.muted
                        font.pixelSize: Theme.fontSmall
                        elide: Text.ElideRight
                    }
                    ListView {
                        objectName: "officeRanking"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        model: page.desk.ranking
                        delegate: Text {
                            required property var modelData
                            width: ListView.view.width
                            height: Theme.px(34)
                            verticalAlignment: Text.AlignVCenter
                            text: page.desk.rankingColumns.map(c => modelData[c]).join("　")
                            color: Theme.text
                            font.pixelSize: Theme.fontBody
                            elide: Text.ElideRight
                        }
                    }
                }
            }
            PanelFrame {
                Layout.fillWidth: true
                Layout.fillHeight: true
                title: qsTr("Notice register")
                badge: String(page.desk.notices.length)
                ColumnLayout {
                    anchors.fill: parent
                    ListView {
                        objectName: "officeNotices"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        model: page.desk.notices
                        delegate: RowLayout {
                            id: notice
                            required property var modelData
                            width: ListView.view.width
                            height: Theme.px(40)
                            Text {
                                Layout.fillWidth: true
                                text: notice.modelData.number + "　" + (notice.modelData.person_id || notice.modelData.unit)
                                      + "　" + notice.modelData.measure + "　" + page.stateText(notice.modelData.state)
                                color: Theme.text
                                font.pixelSize: Theme.fontSmall
                                elide: Text.ElideRight
                            }
                            Button {
                                text: qsTr("Save PDF")
                                font.pixelSize: Theme.fontSmall
                                onClicked: page.desk.save("notice:" + notice.modelData.number,
                                                          page.savePath("notice-" + notice.modelData.year + "-" + notice.modelData.n + ".pdf"))
                            }
                            Button {
                                visible: notice.modelData.kind === "notice" && notice.modelData.state === "in force"
                                text: qsTr("Withdraw")
                                font.pixelSize: Theme.fontSmall
                                onClicked: page.ask(qsTr("Withdraw %1? Reason: %2").arg(notice.modelData.number).arg(reason.text),
                                                    () => page.desk.withdrawNotice(notice.modelData.number, reason.text))
                            }
                        }
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
            }
            PanelFrame {
                Layout.preferredWidth: Theme.px(520)
                Layout.fillHeight: true
                title: qsTr("A person's history")
                ColumnLayout {
                    anchors.fill: parent
                    RowLayout {
                        Layout.fillWidth: true
                        TextField {
                            id: person
                            Layout.fillWidth: true
                            placeholderText: qsTr("Person id")
                            font.pixelSize: Theme.fontBody
                        }
                        Button {
                            text: qsTr("Open")
                            font.pixelSize: Theme.fontBody
                            onClicked: page.desk.openHistory(person.text)
                        }
                    }
                    Text {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        text: page.desk.history
                        color: Theme.text
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                        elide: Text.ElideRight
                    }
                    Text { text: qsTr("Documents (saved in %1)").arg(page.saveDir); color: Theme.muted; font.pixelSize: Theme.fontSmall }
                    Button {
                        Layout.fillWidth: true
                        text: qsTr("Period report (PDF)")
                        font.pixelSize: Theme.fontBody
                        onClicked: page.desk.save("period", page.savePath("period-" + page.desk.period + ".pdf"))
                    }
                    Button {
                        Layout.fillWidth: true
                        text: qsTr("Performance table (XLSX)")
                        font.pixelSize: Theme.fontBody
                        onClicked: page.desk.save("performance", page.savePath("performance-" + page.desk.period + ".xlsx"))
                    }
                    Button {
                        Layout.fillWidth: true
                        text: qsTr("Disclosure list (PDF)")
                        font.pixelSize: Theme.fontBody
                        onClicked: page.desk.save("disclosure", page.savePath("disclosure-" + page.desk.period + ".pdf"))
                    }
                }
            }
        }
    }

    Dialog {
        id: confirm
        property alias text: confirmText.text
        anchors.centerIn: parent
        modal: true
        title: qsTr("Confirm")
        standardButtons: Dialog.Ok | Dialog.Cancel
        Text {
            id: confirmText
            color: Theme.text
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
        }
        onAccepted: if (page.pending) page.pending()
    }
}
