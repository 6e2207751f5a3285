#pragma once

#include <QAbstractListModel>

#include "post/Finding.h"

namespace cq::ui {

// The validation findings of the post being composed, errors first, then warnings, each group in
// the validator's order.
class FindingsModel : public QAbstractListModel {
    Q_OBJECT

public:
    // Qt::DisplayRole: the message (it names the file or field and says what to do).
    // Qt::DecorationRole: an error or warning icon. Qt::ToolTipRole: "code · field".
    enum Role {
        CodeRole = Qt::UserRole + 1, // QString: the stable code, e.g. "caption.too_long"
        FieldRole,                   // QString: JSON Pointer, e.g. "/content/media/2/height"
        IsErrorRole,                 // bool: severity error (blocks scheduling) rather than warning
        MediaIndexRole,              // int: the media item the finding is about, or -1
        FixRole,                     // QString: what a conversion would do to clear it; empty: none
    };

    explicit FindingsModel(QObject *parent = nullptr);

    // Replaces the findings row by row; does nothing (keeps selection and scroll) when they did not
    // change.
    void setFindings(QList<Finding> findings);
    const QList<Finding> &findings() const { return m_findings; }
    int errorCount() const;
    int warningCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // "/content/media/2/height" → 2; -1 when the pointer is not about one media item.
    static int mediaIndexOf(const QString &field);

private:
    QList<Finding> m_findings;
};

} // namespace cq::ui
