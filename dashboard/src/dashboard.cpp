#include "dashboard/src/dashboard.h"

#include "dashboard/src/absentee_model.h"
#include "dashboard/src/attendee_model.h"
#include "dashboard/src/display_text.h"
#include "dashboard/src/hub_connection.h"
#include "dashboard/src/late_model.h"
#include "dashboard/src/meeting_board.h"
#include "dashboard/src/meeting_list_model.h"
#include "dashboard/src/reader_health_model.h"
#include "dashboard/src/tap_feed_model.h"
#include "dashboard/src/unit_tree_model.h"

#include <algorithm>
#include <variant>

namespace rollcall::dashboard {

Dashboard::Dashboard(Clock clock, QObject* parent)
    : QObject(parent), clock_(std::move(clock)), board_(new MeetingBoard(this)), attendees_(new AttendeeModel(this)),
      absentees_(new AbsenteeModel(*attendees_, this)), lates_(new LateModel(*attendees_, this)),
      units_(new UnitTreeModel(this)), tapFeed_(new TapFeedModel(100, this)),
      tapFeedShown_(new TapFeedFilterModel(*tapFeed_, this)), tapPhoto_(new TapPhoto(this)),
      readers_(new ReaderHealthModel(this)), alarms_(new AlarmListModel(*readers_, *tapFeed_, this)),
      meetings_(new MeetingListModel(this))
{
    // The wall screen re-orders units by rate at most once a second.
    units_->setResortDelay(1000);
    ticker_.setInterval(1000);
    connect(&ticker_, &QTimer::timeout, this, &Dashboard::tick);
    ticker_.start();
    tick();
}

Dashboard::~Dashboard() = default;

void Dashboard::attach(HubConnection& connection)
{
    connection_ = &connection;
    connect(&connection, &HubConnection::snapshotReceived, this, &Dashboard::applySnapshot);
    connect(&connection, &HubConnection::updateReceived, this, &Dashboard::applyUpdate);
    connect(&connection, &HubConnection::hubUpdateReceived, this, &Dashboard::applyHubUpdate);
    connect(&connection, &HubConnection::meetingListReceived, this, &Dashboard::applyMeetingList);
    connect(&connection, &HubConnection::statusChanged, this, &Dashboard::connectionChanged);
    connect(&connection, &HubConnection::photoReceived, tapPhoto_, &TapPhoto::setPhoto);
    connect(&connection, &HubConnection::photoMissing, tapPhoto_, &TapPhoto::setMissing);
    tapPhoto_->setRequester([this](const QString& personId) {
        // Only the venue screen shows photos: a desktop board never asks for one.
        if (!connection_ || !venueMode_) return false;
        connection_->requestPhoto(personId);
        return true;
    });
    setPickerVisible(connection.meetingId().isEmpty());
    emit connectionChanged();
}

void Dashboard::applySnapshot(const protocol::Snapshot& s)
{
    hubOffsetMs_ = s.hub_clock_ms - clock_();
    board_->setMeeting(s.meeting);
    board_->setSummary(s.summary);
    attendees_->reset(s.attendees);
    walkIns_ = s.walk_ins;
    resetUnits();
    scopeCounts();
    tapFeed_->reset(s.recent_taps);
    readers_->setAlarmWindow(s.meeting.opening_ms, s.meeting.end_ms);
    readers_->reset(s.readers);
    // The alarms the feed carried before this board joined (absent from an older hub's snapshot).
    alarms_->reset();
    for (const auto& a : s.alarms) applyAlarm(a);
    ++snapshotCount_;
    setPickerVisible(false);
    tick();
    emit snapshotApplied();
}

void Dashboard::applyUpdate(const protocol::Update& update)
{
    std::visit(
        [this](const auto& p) {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, protocol::AttendeeState>) {
                attendees_->upsert(p);
                if (inVenue(p)) units_->upsert(p);
                if (!venueFilter_.isEmpty()) scopeCounts();
                emit meetingUpdated();
            } else if constexpr (std::is_same_v<T, protocol::Summary>) {
                // A walk-in came or went: the feed carries only their count, so
                // the unit they came for (the unit panel's) is in a new snapshot.
                const bool walkInsChanged = board_->hasMeeting() && p.walk_ins != board_->walkIns();
                if (!(p == board_->summary())) emit meetingUpdated();
                board_->setSummary(p);
                if (walkInsChanged && connection_) connection_->resync();
            } else if constexpr (std::is_same_v<T, protocol::TapEvent>) {
                tapFeed_->add(p);
                tapPhoto_->showTap(p);
            } else if constexpr (std::is_same_v<T, protocol::ReaderHealth>) {
                readers_->upsert(p, true);
            } else if constexpr (std::is_same_v<T, protocol::Alarm>) {
                applyAlarm(p);
            } else if constexpr (std::is_same_v<T, protocol::MeetingInfo>) {
                if (p.id == board_->meeting().id) {
                    board_->setMeeting(p);
                    readers_->setAlarmWindow(p.opening_ms, p.end_ms);
                }
            }
        },
        update.payload);
}

void Dashboard::applyHubUpdate(const protocol::Update& update)
{
    if (const auto* r = std::get_if<protocol::ReaderHealth>(&update.payload)) {
        readers_->upsert(*r, false);
    } else if (const auto* a = std::get_if<protocol::Alarm>(&update.payload)) {
        // A lost card's alarm comes on the stream of the meetings at its venue; here, it may be another venue's.
        if (a->code == "revoked_badge" && !a->ack_by) return;
        applyAlarm(*a);
    } else if (const auto* m = std::get_if<protocol::MeetingInfo>(&update.payload)) {
        if (board_->hasMeeting() && m->id == board_->meeting().id) {
            board_->setMeeting(*m);
            readers_->setAlarmWindow(m->opening_ms, m->end_ms);
        }
        refreshMeetings();
    }
}

void Dashboard::applyAlarm(const protocol::Alarm& alarm)
{
    readers_->applyAlarm(alarm);
    alarms_->applyAlarm(alarm);
}

void Dashboard::applyMeetingList(const protocol::MeetingList& list)
{
    meetings_->reset(list);
    emit meetingListApplied();
}

void Dashboard::tick()
{
    const auto now = hubNow();
    board_->setNow(now);
    readers_->setNow(now);
}

void Dashboard::selectMeeting(const QString& meetingId)
{
    if (board_->hasMeeting() && board_->meetingId() != meetingId) {
        // Another meeting: show nothing of the previous one while its snapshot loads.
        board_->clear();
        attendees_->reset({});
        units_->reset({});
        walkIns_.clear();
        tapFeed_->reset({});
        readers_->reset({});
        alarms_->reset();
        setVenueFilter({}); // the next meeting has other venues
        tapPhoto_->clear();
    }
    if (connection_) connection_->setMeeting(meetingId);
    setPickerVisible(meetingId.isEmpty());
}

void Dashboard::showPicker()
{
    refreshMeetings();
    setPickerVisible(true);
}

void Dashboard::refreshMeetings()
{
    if (connection_) connection_->requestMeetingList();
}

void Dashboard::setVenueMode(bool on)
{
    if (on == venueMode_) return;
    venueMode_ = on;
    emit venueModeChanged();
}

void Dashboard::setVenueFilter(const QString& venueId)
{
    if (venueId == venueFilter_) return;
    venueFilter_ = venueId;
    absentees_->setVenue(venueId);
    lates_->setVenue(venueId);
    tapFeedShown_->setVenue(venueId);
    resetUnits();
    scopeCounts();
    emit venueFilterChanged();
}

bool Dashboard::inVenue(const protocol::AttendeeState& a) const
{
    return venueFilter_.isEmpty() || (a.venue_id && DisplayText::fromStd(*a.venue_id) == venueFilter_);
}

void Dashboard::scopeCounts()
{
    int leftEarly = 0;
    int leftMid = 0;
    if (!venueFilter_.isEmpty()) {
        for (int i = 0; i < attendees_->rowCount(); ++i) {
            const auto& a = attendees_->at(i);
            if (!inVenue(a)) continue;
            const auto has = [&a](protocol::AttendanceFlag f) {
                return std::find(a.flags.begin(), a.flags.end(), f) != a.flags.end();
            };
            leftEarly += has(protocol::AttendanceFlag::LeftEarly) ? 1 : 0;
            leftMid += has(protocol::AttendanceFlag::LeftMidMeeting) ? 1 : 0;
        }
    }
    board_->setVenue(venueFilter_, leftEarly, leftMid);
}

void Dashboard::resetUnits()
{
    if (venueFilter_.isEmpty()) {
        std::vector<protocol::AttendeeState> all;
        all.reserve(static_cast<std::size_t>(attendees_->rowCount()));
        for (int i = 0; i < attendees_->rowCount(); ++i) all.push_back(attendees_->at(i));
        units_->reset(all, walkIns_);
        return;
    }
    std::vector<protocol::AttendeeState> here;
    for (int i = 0; i < attendees_->rowCount(); ++i) {
        if (inVenue(attendees_->at(i))) here.push_back(attendees_->at(i));
    }
    units_->reset(here, {});
}

void Dashboard::setPickerVisible(bool on)
{
    if (on == pickerVisible_) return;
    pickerVisible_ = on;
    emit pickerVisibleChanged();
}

bool Dashboard::connectionLost() const { return connection_ && connection_->lost(); }

bool Dashboard::insecure() const { return connection_ && connection_->insecure(); }
bool Dashboard::live() const { return connection_ && connection_->status() == HubConnection::Status::Live; }
QString Dashboard::connectionText() const { return connection_ ? connection_->statusText() : QString(); }

} // namespace rollcall::dashboard
