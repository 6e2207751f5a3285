#pragma once

#include "post/Finding.h"

#include <QAbstractListModel>

namespace cq::ui {

// The validation findings of the post being composed, errors first.
class FindingsModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        CodeRole = Qt::UserRole + 1, // QString: the stable code, e.g. "caption.too_long"
        FieldRole,                   // QString: JSON Pointer, e.g. "/content/media/2/height"
        IsErrorRole,                 // bool
        MediaIndexRole,              // int: the media item the finding is about, or -1
    };

    explicit FindingsModel(QObject *parent = nullptr);

    void setFindings(QList<Finding> findings);
    const QList<Finding> &findings() const { return m_findings; }
    int errorCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    // "/content/media/2/height" → 2; -1 when the pointer is not about one media item.
    static int mediaIndexOf(const QString &field);

private:
    QList<Finding> m_findings;
};

} // namespace cq::ui
