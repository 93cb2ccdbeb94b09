"""NESTML's messages reach the user without Python object reprs (issue 12 item 4)."""
from __future__ import annotations

from portasnn.frontend.nestml_parse import _without_reprs


def test_error_type_becomes_an_invalid_type():
    text = ('Kernel "g" was found to be of type "<pynestml.symbols.error_type_symbol.ErrorTypeSymbol object at '
            '0x7f0f85505290>" (should be real or int)')
    assert _without_reprs(text) == 'Kernel "g" was found to be of an invalid type (should be real or int)'


def test_a_type_symbol_becomes_its_type_name():
    text = 'of type "<pynestml.symbols.boolean_type_symbol.BooleanTypeSymbol object at 0x7f2d4337a8d0>"'
    assert _without_reprs(text) == 'of type "boolean"'


def test_any_other_object_is_named_in_words():
    text = "cannot check <pynestml.meta_model.ast_simple_expression.ASTSimpleExpression object at 0xABCDEF>"
    assert _without_reprs(text) == "cannot check simple expression"


def test_plain_messages_are_unchanged():
    text = 'unit/type mismatch: expected mV, got ms in "V_m = 1 ms" <- here'
    assert _without_reprs(text) == text
