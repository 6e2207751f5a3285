#pragma once

#include "post/PostStatus.h"
#include "storage/PostRepository.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QHBoxLayout;
class QLineEdit;
class QToolButton;

namespace cq {
class Backend;
}

namespace cq::ui {

// What the queue shows: one group of statuses (each button with its count), one account or all,
// a date range or any time, and words the caption contains. Every change but typing applies at
// once; typing applies after a short pause. Counts follow the other filters and every change to a
// post, a little later so that a burst of changes costs one count.
class QueueFilterBar : public QWidget {
    Q_OBJECT

public:
    // A status button: its label, objectName and the statuses it shows (none: all).
    struct StatusGroup {
        const char *label;
        const char *objectName;
        QList<PostStatus> statuses;
    };
    static const QList<StatusGroup> &statusGroups();

    explicit QueueFilterBar(Backend &backend, QWidget *parent = nullptr);

    // The filter last announced by filterChanged() (typing counts once its pause is over).
    const PostFilter &filter() const { return m_applied; }
    // Every post of every account at any time, without a search.
    bool isDefault() const;
    void clear();
    // Shows `filter` in the controls and applies it (another bar's, so that the queue and the
    // calendar filter alike); filterChanged() only when it differs from what is applied.
    void setFilter(const cq::PostFilter &filter);
    // How many posts match the filter, by status (the status buttons' counts).
    const QHash<PostStatus, int> &counts() const { return m_counts; }

    static constexpr int SearchDelayMs = 250;
    static constexpr int CountDelayMs = 400;

Q_SIGNALS:
    void filterChanged(const cq::PostFilter &filter);
    void countsChanged();

private:
    QWidget *buildStatusRow();
    QWidget *buildFilterRow();
    void addDateRange(QWidget *row, QHBoxLayout *layout);
    QLineEdit *buildSearch(QWidget *row);
    PostFilter current() const; // as the controls are now
    void apply();
    void refreshCounts();
    void scheduleCountRefresh();
    void showCounts();
    void fillAccounts();
    void updateDateEdits();

    Backend &m_backend;
    QButtonGroup *m_statusButtons;
    QComboBox *m_account;
    QCheckBox *m_anyTime;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLineEdit *m_search;
    QTimer m_searchDelay;
    QTimer m_countDelay;
    PostFilter m_applied; // what filterChanged() said last
    QHash<PostStatus, int> m_counts;
    bool m_countsKnown = false;
    quint64 m_countRequest = 0; // answers to older count requests are dropped
    bool m_settingUp = false;   // changes made by clear() emit one filterChanged() at the end
};

} // namespace cq::ui
