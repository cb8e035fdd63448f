pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Rollcall.Dashboard

// A list of people (the absentee list, the late list): name, unit, detail.
// On the venue screen nobody scrolls it, so it pages by itself.
PanelFrame {
    id: panel
    required property var model
    property int count
    property color accent: Theme.text
    property string emptyText
    property bool venueMode
    // Venue id → name, for a member who checked in at another venue than theirs.
    property var venueNames: ({})

    badge: panel.count
    badgeColor: panel.accent
    pageText: pager.indicator

    ListView {
        id: list
        objectName: "personList"
        anchors.fill: parent
        clip: true
        interactive: !panel.venueMode
        model: panel.model
        ScrollBar.vertical: ScrollBar { visible: !panel.venueMode }
        delegate: Item {
            id: row
            required property string name
            required property string unit
            required property string detailText
            required property color statusColor
            required property string expectedVenue
            required property bool wrongVenue
            width: ListView.view.width
            height: Theme.px(40)
            Rectangle {
                anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                height: 1
                color: Theme.border
            }
            // The name takes what it needs (up to what the detail leaves); the
            // unit gets the rest and is the one cut, from the left.
            FitText {
                id: nameText
                objectName: "personName"
                anchors { left: parent.left; verticalCenter: parent.verticalCenter }
                width: Math.min(implicitWidth, row.width - detail.width - wrong.width - Theme.px(24))
                text: row.name
                color: Theme.text
                font.pixelSize: Theme.fontBody
            }
            Text {
                anchors { left: nameText.right; leftMargin: Theme.px(10); right: wrong.left; rightMargin: Theme.px(10); verticalCenter: parent.verticalCenter }
                text: row.unit
                color: Theme.muted
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideLeft
            }
            Text {
                id: detail
                anchors { right: parent.right; rightMargin: Theme.px(12); verticalCenter: parent.verticalCenter }
                text: row.detailText
                color: row.statusColor
                font.pixelSize: Theme.fontBody
            }
            // Checked in at another venue than theirs: where they were expected, before the detail.
            // The name comes first: this mark takes only what the name and the detail leave
            // (shrinking, then eliding with a tooltip), like the venue names in the header.
            FitText {
                id: wrong
                objectName: "personWrongVenue"
                visible: row.wrongVenue
                width: row.wrongVenue ? Math.max(0, Math.min(implicitWidth, row.width - detail.width - nameText.implicitWidth - Theme.px(44))) : 0
                anchors { right: detail.left; rightMargin: row.wrongVenue ? Theme.px(10) : 0; verticalCenter: parent.verticalCenter }
                text: row.wrongVenue ? "⚠ " + qsTr("Expected at %1").arg(panel.venueNames[row.expectedVenue] || row.expectedVenue) : ""
                color: Theme.warn
                font.pixelSize: Theme.fontSmall
                font.bold: true
            }
        }
    }
    Pager {
        id: pager
        objectName: "pager"
        view: list
        rowHeight: Theme.px(40)
        active: panel.venueMode
    }
    Text {
        anchors.centerIn: parent
        visible: panel.count === 0
        text: panel.emptyText
        color: Theme.muted
        font.pixelSize: Theme.fontBody
    }
}
