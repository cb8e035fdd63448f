#pragma once
// One board session: owns the models the QML views show, applies the hub's
// snapshots and updates to them, and keeps the hub clock for countdowns.
// The HubConnection is optional so the models can be driven directly in tests.

#include "dashboard/src/absentee_model.h"
#include "dashboard/src/alarm_list_model.h"
#include "dashboard/src/attendee_model.h"
#include "dashboard/src/late_model.h"
#include "dashboard/src/meeting_board.h"
#include "dashboard/src/meeting_list_model.h"
#include "dashboard/src/reader_health_model.h"
#include "dashboard/src/tap_feed_filter_model.h"
#include "dashboard/src/tap_feed_model.h"
#include "dashboard/src/tap_photo.h"
#include "dashboard/src/unit_tree_model.h"
#include "protocol/messages.h"

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <functional>

namespace rollcall::dashboard {

class HubConnection;

class Dashboard : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created in main")
    Q_PROPERTY(rollcall::dashboard::MeetingBoard* board READ board CONSTANT)
    Q_PROPERTY(rollcall::dashboard::AttendeeModel* attendees READ attendees CONSTANT)
    Q_PROPERTY(rollcall::dashboard::AbsenteeModel* absentees READ absentees CONSTANT)
    Q_PROPERTY(rollcall::dashboard::LateModel* lates READ lates CONSTANT)
    Q_PROPERTY(rollcall::dashboard::UnitTreeModel* units READ units CONSTANT)
    Q_PROPERTY(rollcall::dashboard::TapFeedModel* tapFeed READ tapFeed CONSTANT)
    Q_PROPERTY(rollcall::dashboard::TapFeedFilterModel* tapFeedShown READ tapFeedShown CONSTANT)
    /// The venue screen's photo of whoever just checked in.
    Q_PROPERTY(rollcall::dashboard::TapPhoto* tapPhoto READ tapPhoto CONSTANT)
    /// The desktop board's venue filter: the counts of the members expected at
    /// this venue id (tiles but walk-ins and unknown badges), only them in the
    /// unit panel and the person lists, only taps at it in the feed; "" = the whole meeting.
    Q_PROPERTY(QString venueFilter READ venueFilter WRITE setVenueFilter NOTIFY venueFilterChanged)
    Q_PROPERTY(rollcall::dashboard::ReaderHealthModel* readers READ readers CONSTANT)
    /// Every alarm of the board (readers, lost cards, the hub's), as a desk acknowledges them.
    Q_PROPERTY(rollcall::dashboard::AlarmListModel* alarms READ alarms CONSTANT)
    Q_PROPERTY(rollcall::dashboard::MeetingListModel* meetings READ meetings CONSTANT)
    Q_PROPERTY(bool venueMode READ venueMode WRITE setVenueMode NOTIFY venueModeChanged)
    Q_PROPERTY(bool pickerVisible READ pickerVisible NOTIFY pickerVisibleChanged)
    Q_PROPERTY(bool connectionLost READ connectionLost NOTIFY connectionChanged)
    Q_PROPERTY(bool insecure READ insecure NOTIFY connectionChanged)
    Q_PROPERTY(bool live READ live NOTIFY connectionChanged)
    Q_PROPERTY(QString connectionText READ connectionText NOTIFY connectionChanged)
    Q_PROPERTY(int snapshotCount READ snapshotCount NOTIFY snapshotApplied)

public:
    /// Local wall clock in ms since the epoch (a dependency, so tests fix "now").
    using Clock = std::function<std::int64_t()>;

    explicit Dashboard(Clock clock, QObject* parent = nullptr);
    ~Dashboard() override;

    /// Follows the connection's snapshots and updates, and drives it from the UI.
    void attach(HubConnection& connection);

    void applySnapshot(const protocol::Snapshot& snapshot);
    void applyUpdate(const protocol::Update& update);
    void applyHubUpdate(const protocol::Update& update);
    void applyMeetingList(const protocol::MeetingList& list);
    /// Re-reads the clock (called every second by a timer).
    void tick();

    Q_INVOKABLE void selectMeeting(const QString& meetingId);
    Q_INVOKABLE void showPicker();
    Q_INVOKABLE void refreshMeetings();

    [[nodiscard]] MeetingBoard* board() const { return board_; }
    [[nodiscard]] AttendeeModel* attendees() const { return attendees_; }
    [[nodiscard]] AbsenteeModel* absentees() const { return absentees_; }
    [[nodiscard]] LateModel* lates() const { return lates_; }
    [[nodiscard]] UnitTreeModel* units() const { return units_; }
    [[nodiscard]] TapFeedModel* tapFeed() const { return tapFeed_; }
    [[nodiscard]] TapFeedFilterModel* tapFeedShown() const { return tapFeedShown_; }
    [[nodiscard]] TapPhoto* tapPhoto() const { return tapPhoto_; }
    [[nodiscard]] QString venueFilter() const { return venueFilter_; }
    void setVenueFilter(const QString& venueId);
    [[nodiscard]] ReaderHealthModel* readers() const { return readers_; }
    [[nodiscard]] AlarmListModel* alarms() const { return alarms_; }
    [[nodiscard]] MeetingListModel* meetings() const { return meetings_; }

    [[nodiscard]] bool venueMode() const { return venueMode_; }
    void setVenueMode(bool on);
    [[nodiscard]] bool pickerVisible() const { return pickerVisible_; }
    [[nodiscard]] bool connectionLost() const;
    /// The connection runs without keys (--insecure): the board shows a red banner.
    [[nodiscard]] bool insecure() const;
    [[nodiscard]] bool live() const;
    [[nodiscard]] QString connectionText() const;
    [[nodiscard]] int snapshotCount() const { return snapshotCount_; }
    /// Estimated hub clock now.
    [[nodiscard]] std::int64_t hubNow() const { return clock_() + hubOffsetMs_; }

signals:
    void snapshotApplied();
    void meetingListApplied();
    void venueModeChanged();
    void venueFilterChanged();
    void pickerVisibleChanged();
    void connectionChanged();
    /// The live feed changed something of the meeting's attendance (an
    /// attendee, the summary): the record may hold new amendments.
    void meetingUpdated();

private:
    void setPickerVisible(bool on);
    /// A reader's alarm goes to its row; every alarm to the alarm list.
    void applyAlarm(const protocol::Alarm& alarm);
    /// Whether the venue filter lets the member through.
    [[nodiscard]] bool inVenue(const protocol::AttendeeState& a) const;
    /// The tiles' counts follow the venue filter (the members there who left early are counted here).
    void scopeCounts();
    /// The unit panel follows the venue filter (walk-ins have no venue: shown only for the whole meeting).
    void resetUnits();

    Clock clock_;
    HubConnection* connection_ = nullptr;
    MeetingBoard* board_;
    AttendeeModel* attendees_;
    AbsenteeModel* absentees_;
    LateModel* lates_;
    UnitTreeModel* units_;
    TapFeedModel* tapFeed_;
    TapFeedFilterModel* tapFeedShown_;
    TapPhoto* tapPhoto_;
    QString venueFilter_;
    std::vector<protocol::WalkIn> walkIns_; // the last snapshot's, for the unit panel
    ReaderHealthModel* readers_;
    AlarmListModel* alarms_;
    MeetingListModel* meetings_;
    QTimer ticker_;
    std::int64_t hubOffsetMs_ = 0;
    bool venueMode_ = false;
    bool pickerVisible_ = true;
    int snapshotCount_ = 0;
};

} // namespace rollcall::dashboard
