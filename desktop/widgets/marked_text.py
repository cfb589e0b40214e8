"""A list's rows drawn as rich text (the search results' matched words in bold): the item's
display text stays plain for accessibility, sorting and copying; the delegate draws the rich
text an item gives under a role of its own, and falls back to the plain text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

Index = QModelIndex | QPersistentModelIndex


class MarkedTextDelegate(QStyledItemDelegate):
    def __init__(self, role: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.role = role

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument | None:
        marked = index.data(self.role)
        if not marked:
            return None
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        document.setHtml(marked)
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        document = self._document(option, index)
        if document is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""  # the background, selection and focus as the style draws them
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = option.state & QStyle.StateFlag.State_Selected
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        document.setTextWidth(option.rect.width())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        document = self._document(option, index)
        if document is None:
            return super().sizeHint(option, index)
        if option.rect.width() > 0:
            document.setTextWidth(option.rect.width())
        return QSize(int(document.idealWidth()) + 1, int(document.size().height()) + 1)
