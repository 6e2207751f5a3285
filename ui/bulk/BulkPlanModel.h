#pragma once

#include "publish/PlanCheck.h"

#include <QAbstractTableModel>

namespace cq::ui {

// The rows of a bulk plan as checked by core (PlanCheck): file, caption, when, and what the check
// found, in words ("Ready", "2 errors: …").
class BulkPlanModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { FileColumn, CaptionColumn, WhenColumn, FindingsColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QList<CheckedRow> &rows);
    const QList<CheckedRow> &rows() const { return m_rows; }
    int storableCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString findingsText(const CheckedRow &row) const;

    QList<CheckedRow> m_rows;
};

} // namespace cq::ui
