pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rollcall.Dashboard

// The organizer's desk beside the board (会务组, issue 16): find a person
// (name, pinyin, initials, person id or badge), check them in or out by hand
// with a reason, record leave, a substitute or a walk-in attending for a unit,
// and undo any amendment of the meeting (the list shows every desk's, with
// who and when). Every action is confirmed first; the hub records it by the
// desk's key name and every board shows it. Controls have objectNames so a
// desk script (--desk-script) and tests drive them as a person would.
PanelFrame {
    id: panel
    required property OrganizerDesk desk
    // The board's alarms (readers, lost cards, the hub's): acknowledged here.
    property AlarmListModel alarms: null
    property string personId
    property string personName
    // What the confirmation dialog will do when accepted.
    property var pending: null

    title: qsTr("Organizer's desk")
    badge: qsTr("by %1").arg(panel.desk.keyName)
    badgeColor: Theme.info

    function ask(text, action) {
        panel.pending = action
        confirm.text = text
        confirm.open()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.px(10)

        TextField {
            objectName: "deskSearch"
            Layout.fillWidth: true
            placeholderText: qsTr("Name, pinyin (wm, wumin), person id or badge")
            font.pixelSize: Theme.fontBody
            // Starts with --desk-search's text; typing searches again (the same text, so no loop).
            text: panel.desk.searchText
            onTextChanged: if (text !== panel.desk.searchText) panel.desk.search(text)
        }
        ListView {
            objectName: "deskMatches"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.px(200)
            clip: true
            model: panel.desk.matches
            delegate: Rectangle {
                required property var modelData
                objectName: "deskMatch_" + modelData.person_id
                width: ListView.view.width
                height: Theme.px(36)
                color: modelData.person_id === panel.personId ? Theme.panelRaised : "transparent"
                radius: Theme.px(4)
                Text {
                    anchors.verticalCenter: parent.verticalCenter
                    x: Theme.px(8)
                    width: parent.width - Theme.px(16)
                    elide: Text.ElideRight
                    text: parent.modelData.name + "　" + parent.modelData.unit + "　" + parent.modelData.person_id
                    color: Theme.text
                    font.pixelSize: Theme.fontBody
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: {
                        panel.personId = parent.modelData.person_id
                        panel.personName = parent.modelData.name
                    }
                }
            }
        }
        Text {
            Layout.fillWidth: true
            text: panel.personId.length > 0 ? qsTr("Selected: %1 (%2)").arg(panel.personName).arg(panel.personId)
                                            : qsTr("Choose a person above")
            color: panel.personId.length > 0 ? Theme.text : Theme.muted
            font.pixelSize: Theme.fontBody
            elide: Text.ElideRight
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.px(8)
            ComboBox {
                id: reason
                objectName: "deskReason"
                model: panel.desk.reasons
                font.pixelSize: Theme.fontBody
                Layout.preferredWidth: Theme.px(150)
            }
            TextField {
                id: note
                objectName: "deskNote"
                Layout.fillWidth: true
                placeholderText: qsTr("Note (required with 其他)")
                font.pixelSize: Theme.fontBody
            }
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: Theme.px(8)
            rowSpacing: Theme.px(8)
            enabled: panel.personId.length > 0 && !panel.desk.busy
            Button {
                objectName: "deskCheckIn"
                Layout.fillWidth: true
                text: qsTr("Check in")
                font.pixelSize: Theme.fontBody
                onClicked: panel.ask(qsTr("Check in %1 by hand? Reason: %2").arg(panel.personName).arg(reason.currentText),
                                     () => panel.desk.checkIn(panel.personId, reason.currentText, note.text))
            }
            Button {
                objectName: "deskCheckOut"
                Layout.fillWidth: true
                text: qsTr("Check out")
                font.pixelSize: Theme.fontBody
                onClicked: panel.ask(qsTr("Check out %1 by hand? Reason: %2").arg(panel.personName).arg(reason.currentText),
                                     () => panel.desk.checkOut(panel.personId, reason.currentText, note.text))
            }
            Button {
                objectName: "deskLeave"
                Layout.fillWidth: true
                text: qsTr("Leave")
                font.pixelSize: Theme.fontBody
                onClicked: panel.ask(qsTr("Record leave for %1? Reason: %2").arg(panel.personName).arg(note.text),
                                     () => panel.desk.recordLeave(panel.personId, note.text))
            }
            Button {
                objectName: "deskSubstitute"
                Layout.fillWidth: true
                text: qsTr("Substitute (person id in the note)")
                font.pixelSize: Theme.fontSmall
                onClicked: panel.ask(qsTr("%1 attends for %2?").arg(note.text).arg(panel.personName),
                                     () => panel.desk.recordSubstitute(panel.personId, note.text, ""))
            }
            // A walk-in (列席, not on the roster) attending for a unit; the note is the reason.
            TextField {
                id: walkInUnit
                objectName: "deskWalkInUnit"
                Layout.fillWidth: true
                placeholderText: qsTr("Unit a walk-in attends for")
                font.pixelSize: Theme.fontSmall
            }
            Button {
                objectName: "deskWalkIn"
                Layout.fillWidth: true
                text: qsTr("Walk-in for the unit")
                font.pixelSize: Theme.fontSmall
                enabled: walkInUnit.text.length > 0
                onClicked: panel.ask(qsTr("Register %1 as a walk-in for %2?").arg(panel.personName).arg(walkInUnit.text),
                                     () => panel.desk.recordWalkIn(panel.personId, walkInUnit.text, note.text))
            }
        }
        // Alarms of the board (a dead or faulty reader, a lost card used, the
        // record not written): acknowledged with the note above, by the
        // identity `alarm ack` takes (source and code).
        Repeater {
            model: panel.alarms
            delegate: RowLayout {
                id: alarmRow
                required property string source
                required property string code
                required property string message
                required property string ackText
                Layout.fillWidth: true
                Text {
                    objectName: "deskAlarm_" + alarmRow.source
                    Layout.fillWidth: true
                    text: "⚠ " + alarmRow.message + (alarmRow.ackText ? " — " + alarmRow.ackText : "")
                    color: alarmRow.ackText ? Theme.muted : Theme.bad
                    font.pixelSize: Theme.fontSmall
                    elide: Text.ElideRight
                }
                Button {
                    objectName: "deskAck_" + alarmRow.source
                    visible: !alarmRow.ackText
                    text: qsTr("Acknowledge")
                    font.pixelSize: Theme.fontSmall
                    onClicked: {
                        // Kept, not read from the row later: the list may be rebuilt while the dialog is open.
                        const source = alarmRow.source
                        const code = alarmRow.code
                        const noteText = note.text
                        panel.ask(qsTr("Acknowledge the alarm of %1? Note: %2").arg(source).arg(noteText),
                                  () => panel.desk.acknowledgeAlarm(source, code, noteText))
                    }
                }
            }
        }
        Text {
            objectName: "deskMessage"
            Layout.fillWidth: true
            text: panel.desk.busy ? qsTr("Sending to the hub…") : panel.desk.message
            color: panel.desk.lastFailed ? Theme.bad : Theme.good
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
        }
        Text {
            text: qsTr("Amendments of this meeting (every desk)")
            color: Theme.muted
            font.pixelSize: Theme.fontSmall
        }
        ListView {
            objectName: "deskActions"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: panel.desk.actions
            delegate: RowLayout {
                id: row
                required property var modelData
                width: ListView.view.width
                height: Theme.px(40)
                Text {
                    Layout.fillWidth: true
                    text: "#" + row.modelData.amendment + " " + row.modelData.text + " — " + row.modelData.who
                          + (row.modelData.when ? " " + row.modelData.when : "")
                          + (row.modelData.undone && row.modelData.undoneBy ? " " + qsTr("(undone by %1)").arg(row.modelData.undoneBy) : "")
                    color: row.modelData.undone ? Theme.muted : (row.modelData.mine ? Theme.text : Theme.info)
                    font.pixelSize: Theme.fontSmall
                    font.strikeout: row.modelData.undone
                    elide: Text.ElideRight
                }
                Button {
                    objectName: "deskUndo_" + row.modelData.amendment
                    visible: !row.modelData.undone
                    text: qsTr("Undo")
                    font.pixelSize: Theme.fontSmall
                    onClicked: panel.ask(qsTr("Undo #%1 (%2)?").arg(row.modelData.amendment).arg(row.modelData.text),
                                         () => panel.desk.undo(row.modelData.amendment, ""))
                }
            }
        }
    }

    Dialog {
        id: confirm
        objectName: "deskConfirm"
        property alias text: confirmText.text
        anchors.centerIn: parent
        // A width of its own: left to the content, the dialog's implicit width and its
        // button box's depend on each other (a binding loop on implicitWidth).
        width: Math.min(panel.width * 0.9, Theme.px(720))
        modal: true
        title: qsTr("Confirm")
        footer: DialogButtonBox {
            Button {
                objectName: "deskConfirmOk"
                text: qsTr("OK")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                objectName: "deskConfirmCancel"
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        Text {
            id: confirmText
            width: parent ? parent.width : 0
            color: Theme.text
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
        }
        onAccepted: if (panel.pending) panel.pending()
    }
}
