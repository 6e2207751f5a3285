// BulkImportDialog: reading, checking and storing the plan through the Backend.
#include "bulk/BulkImportDialog.h"
#include "bulk/BulkPlanModel.h"
#include "common/InlineMessage.h"
#include "session/Backend.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>

namespace cq::ui {

namespace {
// "1 post", "12 posts".
QString postCount(int count) {
    return BulkImportDialog::tr("%Ln post(s)", nullptr, count);
}
} // namespace

void BulkImportDialog::addPaths(const QStringList &paths) {
    if (paths.isEmpty() || m_busy) {
        return;
    }
    setBusy(true);
    m_backend.planFromFiles(paths, this, [this](std::expected<QList<CsvPostRow>, Error> rows) {
        if (!rows) {
            setBusy(false);
            m_message->showMessage(rows.error().message, InlineMessage::Kind::Error);
            return;
        }
        if (rows->isEmpty()) {
            setBusy(false);
            m_message->showMessage(tr("No videos there (MP4, MOV, WebM)."), InlineMessage::Kind::Information);
            return;
        }
        QList<CsvPostRow> all = plainRows() + *rows;
        for (int i = 0; i < all.size(); ++i) {
            all[i].line = i + 1; // rows of files are numbered as they are listed
        }
        check(all);
    });
}

void BulkImportDialog::importCsv(const QString &path) {
    if (m_busy) {
        return;
    }
    setBusy(true);
    m_backend.planFromCsv(path, this, [this, path](std::expected<QList<CsvPostRow>, Error> rows) {
        if (!rows) {
            setBusy(false);
            m_message->showMessage(rows.error().message, InlineMessage::Kind::Error);
            return;
        }
        m_baseDirectory = QFileInfo(path).absolutePath();
        check(*rows);
    });
}

QList<CsvPostRow> BulkImportDialog::plainRows() const {
    QList<CsvPostRow> rows;
    for (const CheckedRow &checked : m_model->rows()) {
        rows << checked.row;
    }
    return rows;
}

void BulkImportDialog::check(const QList<CsvPostRow> &rows) {
    setBusy(true);
    m_backend.checkPlan(rows, m_baseDirectory, this, [this](std::expected<QList<CheckedRow>, Error> checked) {
        setBusy(false);
        if (!checked) {
            m_message->showMessage(checked.error().message, InlineMessage::Kind::Error);
            return;
        }
        m_message->hide();
        m_model->setRows(*checked);
        updateState();
    });
}

void BulkImportDialog::addAllToQueue() {
    QList<CsvPostRow> rows = plainRows();
    for (CsvPostRow &row : rows) {
        row.addToQueue = true;
        row.post.scheduledFor.reset();
        row.problem.clear();
    }
    check(rows);
}

void BulkImportDialog::spread() {
    QList<CsvPostRow> rows = plainRows();
    PlanCheck::spreadOverDays(rows, m_firstDay->date(), m_days->value(), m_time->time(),
                              m_backend.workspace().defaultTimeZone);
    check(rows);
}

void BulkImportDialog::applyPrivacy() {
    const QString level = m_privacy->currentData().toString();
    if (level.isEmpty() || m_model->rowCount() == 0) {
        return;
    }
    QList<CsvPostRow> rows = plainRows();
    for (CsvPostRow &row : rows) {
        row.post.tiktok.privacyLevel = level;
    }
    check(rows);
}

void BulkImportDialog::store() {
    QList<CsvPostRow> rows;
    for (const CheckedRow &checked : m_model->rows()) {
        if (checked.isStorable()) {
            rows << checked.row;
        }
    }
    if (rows.isEmpty() || m_busy) {
        return;
    }
    setBusy(true);
    m_backend.storePlan(rows, m_baseDirectory, m_submit->isChecked(), this,
                        [this](std::expected<Backend::PlanStored, Error> stored) {
                            setBusy(false);
                            if (!stored) {
                                m_message->showMessage(stored.error().message, InlineMessage::Kind::Error);
                                return;
                            }
                            const int count = int(stored->rows.size());
                            m_message->showMessage(
                                stored->failures.isEmpty()
                                    ? tr("Stored: %1.").arg(postCount(count))
                                    : tr("Stored: %1. Not stored: %2")
                                          .arg(postCount(count), stored->failures.join(QStringLiteral("; "))),
                                stored->failures.isEmpty() ? InlineMessage::Kind::Information
                                                           : InlineMessage::Kind::Error);
                            m_model->setRows({});
                            updateState();
                            Q_EMIT this->stored(count);
                        });
}

void BulkImportDialog::setBusy(bool busy) {
    m_busy = busy;
    updateState();
}

void BulkImportDialog::updateState() {
    const int total = m_model->rowCount();
    const int storable = m_model->storableCount();
    const int invalid = total - storable;
    const bool goAhead = storable > 0 && (invalid == 0 || m_skipInvalid->isChecked());
    m_store->setEnabled(!m_busy && goAhead);
    m_store->setText(storable == 0 ? tr("&Store Posts") : tr("&Store %1").arg(postCount(storable)));
    m_store->setToolTip(invalid > 0 && !m_skipInvalid->isChecked()
                            ? tr("Fix the rows with errors, or skip them, to store the others")
                            : QString());
    for (QPushButton *planButton : std::as_const(m_planButtons)) {
        planButton->setEnabled(!m_busy && total > 0);
    }
    m_privacy->setEnabled(!m_busy && total > 0);
    m_summary->setText(
        m_busy       ? tr("Checking…")
        : total == 0 ? tr("Nothing to import yet.")
                     : tr("%1: %2 ready, %3 with errors. Nothing is stored until you choose Store.")
                           .arg(postCount(total), QLocale().toString(storable), QLocale().toString(invalid)));
}

} // namespace cq::ui
