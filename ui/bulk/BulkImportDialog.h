#pragma once

#include "publish/PlanCheck.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimeEdit;

namespace cq {
class Backend;
}

namespace cq::ui {

class BulkPlanModel;
class InlineMessage;

// Bulk scheduling: drop videos or a folder (one draft per video, its caption from a sidecar .txt
// beside it) or import a CSV plan; every row is checked by core first and shown with what it found.
// Then "Add all to queue" (each account's next free posting times) or spread them over chosen
// days, and store: nothing is stored while a row has errors unless "Skip rows with errors" is on.
class BulkImportDialog : public QDialog {
    Q_OBJECT

public:
    BulkImportDialog(Backend &backend, QWidget *parent = nullptr);

    void addPaths(const QStringList &paths);
    void importCsv(const QString &path);
    BulkPlanModel *model() const { return m_model; }
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    // Posts were stored (how many).
    void stored(int count);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QWidget *buildScheduling();
    void check(const QList<CsvPostRow> &rows);
    QList<CsvPostRow> plainRows() const;
    void addAllToQueue();
    void spread();
    void applyPrivacy();
    void store();
    void setBusy(bool busy);
    void updateState();

    Backend &m_backend;
    BulkPlanModel *m_model;
    QTableView *m_table;
    InlineMessage *m_message;
    QLabel *m_summary;
    QSpinBox *m_days;
    QDateEdit *m_firstDay;
    QTimeEdit *m_time;
    QComboBox *m_privacy;
    QCheckBox *m_skipInvalid;
    QCheckBox *m_submit;
    QPushButton *m_store;
    QList<QPushButton *> m_planButtons;
    QString m_baseDirectory; // a CSV's folder: relative paths in it are read from there
    bool m_busy = false;
};

} // namespace cq::ui
