#include "queue/QueueFilterBar.h"

#include "common/StatusText.h"
#include "session/Backend.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

namespace cq::ui {

namespace {
constexpr int DefaultRangeDays = 30;

// The parts of a filter the counts depend on (all but the statuses) are the same.
QString statusWords(const QueueFilterBar::StatusGroup &group) {
    QStringList words;
    for (PostStatus status : group.statuses) {
        words << statusLabel(status);
    }
    return words.join(u", ");
}

bool sameScope(const PostFilter &a, const PostFilter &b) {
    return a.accountId == b.accountId && a.fromUtc == b.fromUtc && a.beforeUtc == b.beforeUtc
           && a.captionContains == b.captionContains;
}
} // namespace

const QList<QueueFilterBar::StatusGroup> &QueueFilterBar::statusGroups() {
    using enum PostStatus;
    static const QList<StatusGroup> groups{
        {QT_TR_NOOP("All"), "statusFilterAll", {}},
        {QT_TR_NOOP("Drafts"), "statusFilterDrafts", {Draft, ChangesRequested}},
        {QT_TR_NOOP("In review"), "statusFilterInReview", {InReview, Approved}},
        {QT_TR_NOOP("Scheduled"), "statusFilterScheduled", {Scheduled}},
        {QT_TR_NOOP("Publishing"), "statusFilterPublishing", {Publishing, Processing}},
        {QT_TR_NOOP("Published"), "statusFilterPublished", {Published}},
        {QT_TR_NOOP("Failed"), "statusFilterFailed", {Failed}},
        {QT_TR_NOOP("Needs attention"), "statusFilterNeedsAttention", {NeedsAttention}},
        {QT_TR_NOOP("Cancelled"), "statusFilterCancelled", {Cancelled}},
    };
    return groups;
}

QueueFilterBar::QueueFilterBar(Backend &backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_statusButtons(new QButtonGroup(this)) {
    setObjectName(QStringLiteral("queueFilterBar"));
    auto *rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->addWidget(buildStatusRow());
    rows->addWidget(buildFilterRow());

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(SearchDelayMs);
    connect(&m_searchDelay, &QTimer::timeout, this, &QueueFilterBar::apply);
    m_countDelay.setSingleShot(true);
    m_countDelay.setInterval(CountDelayMs);
    connect(&m_countDelay, &QTimer::timeout, this, &QueueFilterBar::refreshCounts);

    connect(&backend, &Backend::ready, this, &QueueFilterBar::refreshCounts);
    connect(&backend, &Backend::accountsChanged, this, &QueueFilterBar::fillAccounts);
    connect(&backend, &Backend::postChanged, this, &QueueFilterBar::scheduleCountRefresh);
    connect(&backend, &Backend::postRemoved, this, &QueueFilterBar::scheduleCountRefresh);
    fillAccounts();
    showCounts();
    refreshCounts();
}

QWidget *QueueFilterBar::buildStatusRow() {
    auto *row = new QWidget(this);
    row->setObjectName(QStringLiteral("statusFilter"));
    row->setAccessibleName(tr("Show posts by status"));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(fontMetrics().averageCharWidth());
    const QList<StatusGroup> &groups = statusGroups();
    for (int i = 0; i < groups.size(); ++i) {
        auto *button = new QToolButton(row);
        button->setObjectName(QLatin1StringView(groups.at(i).objectName));
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_statusButtons->addButton(button, i);
        layout->addWidget(button);
    }
    layout->addStretch(1);
    m_statusButtons->button(0)->setChecked(true);
    connect(m_statusButtons, &QButtonGroup::idClicked, this, &QueueFilterBar::apply);
    return row;
}

QWidget *QueueFilterBar::buildFilterRow() {
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *accountLabel = new QLabel(tr("&Account:"), row);
    m_account = new QComboBox(row);
    m_account->setObjectName(QStringLiteral("accountFilter"));
    m_account->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    accountLabel->setBuddy(m_account);
    connect(m_account, &QComboBox::activated, this, &QueueFilterBar::apply);
    layout->addWidget(accountLabel);
    layout->addWidget(m_account);
    layout->addSpacing(fontMetrics().height());
    addDateRange(row, layout);
    layout->addSpacing(fontMetrics().height());
    layout->addWidget(buildSearch(row), 1);
    return row;
}

void QueueFilterBar::addDateRange(QWidget *row, QHBoxLayout *layout) {
    m_anyTime = new QCheckBox(tr("Any &time"), row);
    m_anyTime->setObjectName(QStringLiteral("anyTimeCheck"));
    m_anyTime->setChecked(true);
    m_anyTime->setToolTip(tr("Show posts of any date; clear it to show a range of days"));
    auto *fromLabel = new QLabel(tr("&From:"), row);
    m_from = new QDateEdit(QDate::currentDate(), row);
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_from->setCalendarPopup(true);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("t&o:"), row);
    m_to = new QDateEdit(QDate::currentDate().addDays(DefaultRangeDays), row);
    m_to->setObjectName(QStringLiteral("toDate"));
    m_to->setCalendarPopup(true);
    m_to->setAccessibleName(tr("To"));
    toLabel->setBuddy(m_to);
    const auto datesChanged = [this] {
        updateDateEdits();
        apply();
    };
    connect(m_anyTime, &QCheckBox::toggled, this, datesChanged);
    connect(m_from, &QDateEdit::dateChanged, this, datesChanged);
    connect(m_to, &QDateEdit::dateChanged, this, datesChanged);
    updateDateEdits();
    for (QWidget *widget : std::initializer_list<QWidget *>{m_anyTime, fromLabel, m_from, toLabel, m_to}) {
        layout->addWidget(widget);
    }
}

QLineEdit *QueueFilterBar::buildSearch(QWidget *row) {
    m_search = new QLineEdit(row);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search captions"));
    m_search->setAccessibleName(tr("Search captions"));
    const QKeySequence find(QKeySequence::Find);
    m_search->setToolTip(tr("Search captions (%1)").arg(find.toString(QKeySequence::NativeText)));
    m_search->setMinimumWidth(fontMetrics().averageCharWidth() * 24);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay.start(); });
    auto *findShortcut = new QShortcut(find, this);
    connect(findShortcut, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    return m_search;
}

void QueueFilterBar::updateDateEdits() {
    const bool range = !m_anyTime->isChecked();
    m_from->setEnabled(range);
    m_to->setEnabled(range);
    m_to->setMinimumDate(m_from->date()); // the range never runs backwards
}

PostFilter QueueFilterBar::current() const {
    PostFilter filter;
    filter.statuses = statusGroups().value(std::max(0, m_statusButtons->checkedId())).statuses;
    filter.accountId = m_account->currentData().toString();
    if (!m_anyTime->isChecked()) {
        // Whole days here, the last one included.
        filter.fromUtc = QDateTime(m_from->date(), QTime(0, 0)).toUTC();
        filter.beforeUtc = QDateTime(m_to->date().addDays(1), QTime(0, 0)).toUTC();
    }
    filter.captionContains = m_search->text().trimmed();
    return filter;
}

bool QueueFilterBar::isDefault() const {
    return m_applied.statuses.isEmpty() && m_applied.accountId.isEmpty() && !m_applied.fromUtc
           && m_applied.captionContains.isEmpty();
}

void QueueFilterBar::clear() {
    m_settingUp = true;
    m_statusButtons->button(0)->setChecked(true);
    m_account->setCurrentIndex(0);
    m_anyTime->setChecked(true);
    m_search->clear();
    m_searchDelay.stop();
    m_settingUp = false;
    apply();
}

void QueueFilterBar::setFilter(const PostFilter &filter) {
    m_settingUp = true;
    int group = 0;
    for (int i = 0; i < statusGroups().size(); ++i) {
        if (statusGroups().at(i).statuses == filter.statuses) {
            group = i;
        }
    }
    m_statusButtons->button(group)->setChecked(true);
    m_account->setCurrentIndex(std::max(0, m_account->findData(filter.accountId)));
    m_anyTime->setChecked(!filter.fromUtc);
    if (filter.fromUtc && filter.beforeUtc) {
        m_from->setDate(filter.fromUtc->toLocalTime().date());
        m_to->setDate(filter.beforeUtc->toLocalTime().addDays(-1).date());
    }
    m_search->setText(filter.captionContains);
    m_searchDelay.stop();
    m_settingUp = false;
    apply();
}

void QueueFilterBar::apply() {
    if (m_settingUp) {
        return;
    }
    const PostFilter wanted = current();
    const bool scopeChanged = !sameScope(wanted, m_applied);
    if (!scopeChanged && wanted.statuses == m_applied.statuses) {
        return; // e.g. a date moved while "Any time" is on
    }
    m_applied = wanted;
    if (scopeChanged) {
        refreshCounts();
    }
    Q_EMIT filterChanged(m_applied);
}

void QueueFilterBar::scheduleCountRefresh() {
    if (!m_countDelay.isActive()) {
        m_countDelay.start(); // not restarted: a steady stream of changes still updates the counts
    }
}

void QueueFilterBar::refreshCounts() {
    if (m_settingUp || !m_backend.isReady()) {
        return;
    }
    m_countDelay.stop();
    m_backend.countPosts(
        m_applied, this,
        [this, request = ++m_countRequest](std::expected<QHash<PostStatus, int>, Error> counts) {
            if (request != m_countRequest || !counts) {
                return; // a newer count is on its way; a failed one keeps the last
            }
            m_counts = *counts;
            m_countsKnown = true;
            showCounts();
            Q_EMIT countsChanged();
        });
}

void QueueFilterBar::showCounts() {
    const QList<StatusGroup> &groups = statusGroups();
    const QLocale locale;
    for (int i = 0; i < groups.size(); ++i) {
        const StatusGroup &group = groups.at(i);
        int count = 0;
        for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
            count += group.statuses.isEmpty() || group.statuses.contains(it.key()) ? it.value() : 0;
        }
        const QString label = tr(group.label);
        QAbstractButton *button = m_statusButtons->button(i);
        button->setText(m_countsKnown ? tr("%1 (%2)").arg(label, locale.toString(count)) : label);
        const QString posts = tr("%Ln post(s)", nullptr, count);
        button->setAccessibleName(m_countsKnown ? label + u", " + posts : label);
        button->setToolTip(group.statuses.isEmpty() ? tr("Every post")
                                                    : tr("Show only: %1").arg(statusWords(group)));
    }
}

void QueueFilterBar::fillAccounts() {
    const QString current = m_account->currentData().toString();
    m_account->clear();
    m_account->addItem(tr("All accounts"), QString());
    for (const AccountSummary &account : m_backend.accounts()) {
        m_account->addItem(account.label(), account.id);
    }
    m_account->setCurrentIndex(std::max(0, m_account->findData(current)));
    apply(); // all accounts again when the chosen one is gone
}

} // namespace cq::ui
