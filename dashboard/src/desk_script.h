#pragma once
// A desk script (--desk-script FILE): drives the rendered organizer's desk as
// a person would — finds the real QML items by objectName, clicks them with
// synthesized mouse events and types into them as an input method commits —
// so the demo checks a person in from the desk itself, and a test can too.
// One step a line (blank lines and # comments skipped):
//
//   type   ITEM TEXT      click ITEM, then commit TEXT into it
//   click  ITEM           click the centre of ITEM once it is visible and enabled
//   expect ITEM TEXT      wait until ITEM's text contains TEXT
//   board  PERSON STATUS  wait until the board shows PERSON with STATUS
//                         (present, late, …): the live feed brought it
//
// Each step waits for what it needs up to kStepTimeoutMs, then the script fails
// naming the step.
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <functional>
#include <optional>
#include <vector>

class QQuickItem;
class QQuickWindow;

namespace rollcall::dashboard {

class DeskScript : public QObject {
    Q_OBJECT

public:
    static constexpr int kStepTimeoutMs = 15000;
    static constexpr int kPollMs = 50;

    struct Step {
        int line = 0;
        QString verb;
        QString target;
        QString text;
    };
    /// The board's status of a person as the wire names it ("late"), or "" if not on the board.
    using BoardStatus = std::function<QString(const QString& personId)>;

    /// Reads a script; an error names the file, the line and the problem.
    [[nodiscard]] static std::optional<QString> parse(const QString& path, std::vector<Step>& steps);

    DeskScript(QQuickWindow& window, std::vector<Step> steps, BoardStatus boardStatus, QObject* parent = nullptr);

    void start();

signals:
    /// A step done: its line as written.
    void stepDone(const QString& text);
    void finished(bool ok, const QString& message);

private:
    void tryStep();
    /// True when the step is done; false to try again.
    bool run(const Step& step);
    [[nodiscard]] QQuickItem* find(const QString& objectName) const;
    void click(QQuickItem& item);

    QQuickWindow& window_;
    std::vector<Step> steps_;
    BoardStatus boardStatus_;
    std::size_t at_ = 0;
    int waitedMs_ = 0;
    enum class Typing { NotYet, Focused, Committed };
    Typing typing_ = Typing::NotYet; // how far the current type step is
    QTimer timer_;
};

} // namespace rollcall::dashboard
