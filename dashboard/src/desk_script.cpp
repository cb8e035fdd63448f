#include "dashboard/src/desk_script.h"

#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>
#include <QInputMethodEvent>
#include <QMouseEvent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTextStream>

namespace rollcall::dashboard {
namespace {

const QStringList kVerbs{QStringLiteral("type"), QStringLiteral("click"), QStringLiteral("expect"),
                         QStringLiteral("board")};

QString describe(const DeskScript::Step& s)
{
    return QStringLiteral("%1 %2%3").arg(s.verb, s.target, s.text.isEmpty() ? QString() : QStringLiteral(" ") + s.text);
}

/// Depth first over the visual tree: delegates and popups are visual children, not always QObject ones.
QQuickItem* findIn(QQuickItem* item, const QString& name)
{
    if (!item) return nullptr;
    if (item->objectName() == name && item->isVisible() && item->isEnabled()) return item;
    for (auto* child : item->childItems()) {
        if (auto* found = findIn(child, name)) return found;
    }
    return nullptr;
}

} // namespace

std::optional<QString> DeskScript::parse(const QString& path, std::vector<Step>& steps)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return QStringLiteral("--desk-script: cannot read %1: %2").arg(path, file.errorString());
    QTextStream in(&file);
    int line = 0;
    while (!in.atEnd()) {
        const auto text = in.readLine().trimmed();
        ++line;
        if (text.isEmpty() || text.startsWith(QLatin1Char('#'))) continue;
        const auto words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        Step s{line, words.value(0), words.value(1), words.mid(2).join(QLatin1Char(' '))};
        const auto where = QStringLiteral("--desk-script: %1:%2: ").arg(path).arg(line);
        if (!kVerbs.contains(s.verb))
            return where + QStringLiteral("\"%1\" is not a step (type, click, expect, board)").arg(s.verb);
        if (s.target.isEmpty()) return where + QStringLiteral("%1 needs an item (or person) to act on").arg(s.verb);
        if (s.verb != QStringLiteral("click") && s.text.isEmpty())
            return where + QStringLiteral("%1 %2 needs a text").arg(s.verb, s.target);
        steps.push_back(std::move(s));
    }
    if (steps.empty()) return QStringLiteral("--desk-script: %1 has no steps").arg(path);
    return std::nullopt;
}

DeskScript::DeskScript(QQuickWindow& window, std::vector<Step> steps, BoardStatus boardStatus, QObject* parent)
    : QObject(parent), window_(window), steps_(std::move(steps)), boardStatus_(std::move(boardStatus))
{
    timer_.setInterval(kPollMs);
    connect(&timer_, &QTimer::timeout, this, &DeskScript::tryStep);
}

void DeskScript::start()
{
    at_ = 0;
    waitedMs_ = 0;
    typing_ = Typing::NotYet;
    timer_.start();
}

void DeskScript::tryStep()
{
    if (at_ >= steps_.size()) return;
    const auto& step = steps_[at_];
    if (run(step)) {
        emit stepDone(describe(step));
        ++at_;
        waitedMs_ = 0;
        typing_ = Typing::NotYet;
        if (at_ == steps_.size()) {
            timer_.stop();
            emit finished(true, QStringLiteral("desk script done: %1 step(s)").arg(steps_.size()));
        }
        return;
    }
    waitedMs_ += kPollMs;
    if (waitedMs_ >= kStepTimeoutMs) {
        timer_.stop();
        emit finished(false, QStringLiteral("desk script: line %1 (%2) not done within %3 ms")
                                 .arg(step.line)
                                 .arg(describe(step))
                                 .arg(kStepTimeoutMs));
    }
}

bool DeskScript::run(const Step& step)
{
    if (step.verb == QStringLiteral("board")) return boardStatus_ && boardStatus_(step.target) == step.text;
    auto* item = find(step.target);
    if (!item) return false;
    if (step.verb == QStringLiteral("click")) {
        click(*item);
        return true;
    }
    if (step.verb == QStringLiteral("expect")) return item->property("text").toString().contains(step.text);
    // type: focus it as a click does, then commit the text as an input method would (Chinese too).
    if (typing_ == Typing::NotYet) {
        click(*item);
        item->forceActiveFocus(Qt::MouseFocusReason);
        typing_ = Typing::Focused;
        return false; // the commit goes in on the next poll, once the focus has moved
    }
    if (typing_ == Typing::Focused) {
        QInputMethodEvent commit;
        commit.setCommitString(step.text);
        QObject* target = window_.focusObject() ? window_.focusObject() : item;
        QCoreApplication::sendEvent(target, &commit);
        typing_ = Typing::Committed; // once: a field that did not take it is the step's failure
    }
    return item->property("text").toString().contains(step.text);
}

QQuickItem* DeskScript::find(const QString& objectName) const { return findIn(window_.contentItem(), objectName); }

void DeskScript::click(QQuickItem& item)
{
    const QPointF local = item.mapToScene(QPointF(item.width() / 2, item.height() / 2));
    const QPointF global = window_.mapToGlobal(local.toPoint());
    QMouseEvent press(QEvent::MouseButtonPress, local, local, global, Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window_, &press);
    QMouseEvent release(QEvent::MouseButtonRelease, local, local, global, Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window_, &release);
}

} // namespace rollcall::dashboard
