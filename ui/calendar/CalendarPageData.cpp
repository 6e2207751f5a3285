// CalendarPage: loading the visible posts and free posting times, following changes, moving posts.
#include "calendar/CalendarGrid.h"
#include "calendar/CalendarPage.h"
#include "calendar/MoveCommand.h"
#include "common/InlineMessage.h"
#include "common/PostText.h"
#include "queue/QueueFilterBar.h"

#include <QTimeZone>
#include <QUndoStack>

#include <memory>

namespace cq::ui {

namespace {
constexpr int PageSize = 1000;

// The queue's filter within the visible days.
PostFilter visibleFilter(PostFilter filter, const std::pair<QDateTime, QDateTime> &range) {
    filter.fromUtc = filter.fromUtc ? std::max(*filter.fromUtc, range.first) : range.first;
    filter.beforeUtc = filter.beforeUtc ? std::min(*filter.beforeUtc, range.second) : range.second;
    return filter;
}

struct Loading {
    quint64 request = 0;
    PostFilter filter;
    int pages = 0; // answered so far
};
} // namespace

void CalendarPage::reload() {
    if (!m_backend.isReady()) {
        return;
    }
    if (!isVisible()) {
        m_stale = true; // loaded when shown: a window that never opens the calendar never pays for it
        return;
    }
    m_stale = false;
    m_loading = true;
    m_loadedFirstDay = m_grid->firstVisibleDay();
    auto loading = std::make_shared<Loading>(
        Loading{++m_request, visibleFilter(m_filter->filter(), m_grid->visibleRangeUtc()), 0});
    // Page by page (the queue's cursor), so that no single answer grows without bound.
    auto next = std::make_shared<std::function<void(std::optional<PostCursor>)>>();
    *next = [this, loading, next](std::optional<PostCursor> after) {
        m_backend.listPosts(loading->filter, after, PageSize, this,
                            [this, loading, next](std::expected<QList<PostRow>, Error> rows) {
                                if (loading->request != m_request) {
                                    return; // a newer load is under way
                                }
                                if (!rows) {
                                    m_loading = false;
                                    m_message->showMessage(
                                        tr("Could not load the calendar: %1").arg(rows.error().message),
                                        InlineMessage::Kind::Error);
                                    return;
                                }
                                // Each page is shown as it comes: a busy month appears a page at a time.
                                if (loading->pages++ == 0) {
                                    m_rows.clear();
                                }
                                for (const PostRow &row : std::as_const(*rows)) {
                                    m_rows.insert(row.post.id, row);
                                }
                                publishEntries();
                                if (rows->size() == PageSize && m_rows.size() < MaxPosts) {
                                    const StoredPost &last = rows->constLast().post;
                                    (*next)(PostCursor{last.schedule.atUtc, last.id});
                                    return;
                                }
                                loadSlots(loading->request);
                            });
    };
    (*next)(std::nullopt);
}

void CalendarPage::loadSlots(quint64 request) {
    const auto [from, before] = m_grid->visibleRangeUtc();
    const QString account = m_filter->filter().accountId;
    m_backend.freeQueueSlots(from, before, this,
                             [this, request, account](std::expected<QList<QueueSlot>, Error> slots) {
                                 if (request != m_request) {
                                     return;
                                 }
                                 m_loading = false;
                                 QList<CalendarSlot> shown;
                                 for (const QueueSlot &slot : slots.value_or(QList<QueueSlot>())) {
                                     if (account.isEmpty() || slot.accountId == account) {
                                         shown << CalendarSlot{slot.atUtc, slot.timeZone, slot.accountId,
                                                               accountLabel(slot.accountId)};
                                     }
                                 }
                                 m_grid->setSlots(shown);
                                 Q_EMIT loaded();
                             });
}

QString CalendarPage::accountLabel(const QString &accountId) const {
    for (const AccountSummary &account : m_backend.accounts()) {
        if (account.id == accountId || (accountId.isEmpty() && account.isDefault)) {
            return account.username.isEmpty() ? account.displayName : u'@' + account.username;
        }
    }
    return accountId;
}

std::optional<CalendarEntry> CalendarPage::entryFor(const PostRow &row) const {
    const StoredPost &post = row.post;
    if (!post.schedule.atUtc) {
        return std::nullopt; // "as soon as possible" has no day
    }
    CalendarEntry entry;
    entry.id = post.id;
    entry.atUtc = *post.schedule.atUtc;
    entry.timeZone = post.schedule.timeZone;
    entry.status = post.status;
    entry.caption = post.content.text;
    entry.account = accountLabel(post.accountId());
    entry.cover = post.media.value(0);
    entry.movable =
        Lifecycle::rescheduleAction(post.status, m_backend.workspace().approvalRequired).has_value();
    return entry;
}

void CalendarPage::publishEntries() {
    QList<CalendarEntry> entries;
    entries.reserve(m_rows.size());
    for (const PostRow &row : std::as_const(m_rows)) {
        if (auto entry = entryFor(row)) {
            entries << *entry;
        }
    }
    m_grid->setEntries(entries);
}

void CalendarPage::onPostChanged(const PostRow &row) {
    const PostFilter filter = visibleFilter(m_filter->filter(), m_grid->visibleRangeUtc());
    const bool shown = filter.matches(row.post);
    if (!shown && !m_rows.contains(row.post.id)) {
        return;
    }
    const std::optional<CalendarEntry> entry = shown ? entryFor(row) : std::nullopt;
    if (entry) {
        m_rows.insert(row.post.id, row);
        m_grid->setEntry(*entry);
    } else {
        m_rows.remove(row.post.id);
        m_grid->removeEntry(row.post.id);
    }
    m_slotDelay.start(); // the post may take or free a posting time
}

void CalendarPage::onPostRemoved(const QString &id) {
    if (m_rows.remove(id) > 0) {
        m_grid->removeEntry(id);
        m_slotDelay.start();
    }
}

void CalendarPage::onMoveRefused(const QString &id) {
    const PostStatus status = m_rows.value(id).post.status;
    m_message->showMessage(
        Lifecycle::whyNot(PostAction::Schedule, status, m_backend.workspace().approvalRequired),
        InlineMessage::Kind::Information);
}

void CalendarPage::movePost(const QString &id, const QDateTime &newUtc, bool undoable,
                            const std::function<void(bool)> &done) {
    const auto finish = [this, done](const QString &error) {
        if (!error.isEmpty()) {
            m_message->showMessage(error, InlineMessage::Kind::Error);
        }
        if (done) {
            done(error.isEmpty());
        }
    };
    if (!m_rows.contains(id)) {
        finish(tr("The post is not shown any more; it was not moved."));
        return;
    }
    const PostRow row = m_rows.value(id);
    const StoredPost &post = row.post;
    const bool approval = m_backend.workspace().approvalRequired;
    const auto action = Lifecycle::rescheduleAction(post.status, approval);
    if (!action) {
        finish(Lifecycle::whyNot(PostAction::Schedule, post.status, approval));
        return;
    }
    m_message->hide();
    // The post keeps its zone: the new instant as that zone's wall clock.
    const QDateTime inPostZone = newUtc.toTimeZone(QTimeZone(post.schedule.timeZone.toUtf8()));
    const QDateTime fromUtc = post.schedule.atUtc.value_or(QDateTime());
    const QString caption = captionPreview(post.content.text, 30);
    const auto stored = [this, id, caption, fromUtc, newUtc, undoable,
                         finish](std::expected<PostRow, Error> moved) {
        if (!moved) {
            finish(tr("Could not move the post: %1").arg(moved.error().message));
            return;
        }
        if (undoable && fromUtc.isValid()) {
            m_undo->push(new MoveCommand(*this, id, caption, fromUtc, newUtc));
        }
        finish(QString());
    };
    if (*action == PostAction::Schedule) {
        m_backend.schedule(id, QDateTime(inPostZone.date(), inPostZone.time()), post.schedule.timeZone, this,
                           stored);
    } else {
        Post edited = post.toPost();
        edited.scheduledFor = inPostZone;
        m_backend.editPost(id, edited, this, stored);
    }
}

} // namespace cq::ui
