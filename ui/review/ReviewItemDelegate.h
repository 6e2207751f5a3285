#pragma once

#include <QStyledItemDelegate>

namespace cq::ui {

// One post waiting for review: its first picture on the left, the caption in bold beside it, then
// account, time and what the checks found, each on a line of its own. Sizes follow the font, colours
// the view's palette (selected rows use the highlight's text colour).
class ReviewItemDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    void paintThumbnail(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                        const QRect &box) const;
    void paintFindings(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                       const QRect &line) const;
};

} // namespace cq::ui
