#pragma once

#include "common/StatusText.h"

#include <QStyledItemDelegate>

namespace cq::ui {

// Draws a post's status as a rounded badge with its word (Qt::DisplayRole), its background mixed
// from the view's palette by the status's tone, so that it reads in light and dark themes; while
// the post's media upload, the percentage joins the word and a thin progress bar sits under it.
class StatusBadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    // `statusRole` holds the PostStatus as an int; `progressRole` 0..100 while uploading, else
    // nothing.
    StatusBadgeDelegate(int statusRole, int progressRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The badge's fill and outline for `tone` in `palette`.
    static QColor background(const QPalette &palette, StatusTone tone);
    static QColor outline(const QPalette &palette, StatusTone tone);

private:
    struct Layout {
        QRect badge;
        QRect progress; // empty when not uploading
        QString text;
    };
    Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    int m_statusRole;
    int m_progressRole;
};

} // namespace cq::ui
