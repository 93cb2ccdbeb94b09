# Generated from grammars/PortasnnNet.g4 by ANTLR 4.13.2
from antlr4 import *
if "." in __name__:
    from .PortasnnNetParser import PortasnnNetParser
else:
    from PortasnnNetParser import PortasnnNetParser

# This class defines a complete generic visitor for a parse tree produced by PortasnnNetParser.

class PortasnnNetVisitor(ParseTreeVisitor):

    # Visit a parse tree produced by PortasnnNetParser#file_.
    def visitFile_(self, ctx:PortasnnNetParser.File_Context):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#networkStmt.
    def visitNetworkStmt(self, ctx:PortasnnNetParser.NetworkStmtContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#includeStmt.
    def visitIncludeStmt(self, ctx:PortasnnNetParser.IncludeStmtContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#modelFileStmt.
    def visitModelFileStmt(self, ctx:PortasnnNetParser.ModelFileStmtContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#modelNestStmt.
    def visitModelNestStmt(self, ctx:PortasnnNetParser.ModelNestStmtContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#modelPynnStmt.
    def visitModelPynnStmt(self, ctx:PortasnnNetParser.ModelPynnStmtContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#synapseStmt.
    def visitSynapseStmt(self, ctx:PortasnnNetParser.SynapseStmtContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#letStmt.
    def visitLetStmt(self, ctx:PortasnnNetParser.LetStmtContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#populationStmt.
    def visitPopulationStmt(self, ctx:PortasnnNetParser.PopulationStmtContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#connectStmt.
    def visitConnectStmt(self, ctx:PortasnnNetParser.ConnectStmtContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#stimulusStmt.
    def visitStimulusStmt(self, ctx:PortasnnNetParser.StimulusStmtContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#recordStmt.
    def visitRecordStmt(self, ctx:PortasnnNetParser.RecordStmtContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#recordProjectionStmt.
    def visitRecordProjectionStmt(self, ctx:PortasnnNetParser.RecordProjectionStmtContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#simulateStmt.
    def visitSimulateStmt(self, ctx:PortasnnNetParser.SimulateStmtContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#block.
    def visitBlock(self, ctx:PortasnnNetParser.BlockContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#item.
    def visitItem(self, ctx:PortasnnNetParser.ItemContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#option.
    def visitOption(self, ctx:PortasnnNetParser.OptionContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#target.
    def visitTarget(self, ctx:PortasnnNetParser.TargetContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#rangeSubset.
    def visitRangeSubset(self, ctx:PortasnnNetParser.RangeSubsetContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#listSubset.
    def visitListSubset(self, ctx:PortasnnNetParser.ListSubsetContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#simOption.
    def visitSimOption(self, ctx:PortasnnNetParser.SimOptionContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#call.
    def visitCall(self, ctx:PortasnnNetParser.CallContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#rule.
    def visitRule(self, ctx:PortasnnNetParser.RuleContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#arg.
    def visitArg(self, ctx:PortasnnNetParser.ArgContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#stringExpr.
    def visitStringExpr(self, ctx:PortasnnNetParser.StringExprContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#unaryExpr.
    def visitUnaryExpr(self, ctx:PortasnnNetParser.UnaryExprContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#addExpr.
    def visitAddExpr(self, ctx:PortasnnNetParser.AddExprContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#numberExpr.
    def visitNumberExpr(self, ctx:PortasnnNetParser.NumberExprContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#mulExpr.
    def visitMulExpr(self, ctx:PortasnnNetParser.MulExprContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#callExpr.
    def visitCallExpr(self, ctx:PortasnnNetParser.CallExprContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#boolExpr.
    def visitBoolExpr(self, ctx:PortasnnNetParser.BoolExprContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#powExpr.
    def visitPowExpr(self, ctx:PortasnnNetParser.PowExprContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#listExpr.
    def visitListExpr(self, ctx:PortasnnNetParser.ListExprContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#unitExpr.
    def visitUnitExpr(self, ctx:PortasnnNetParser.UnitExprContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#nameExpr.
    def visitNameExpr(self, ctx:PortasnnNetParser.NameExprContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#parenExpr.
    def visitParenExpr(self, ctx:PortasnnNetParser.ParenExprContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#unit.
    def visitUnit(self, ctx:PortasnnNetParser.UnitContext):
        return self.visitChildren(ctx)


    # Visit a parse tree produced by PortasnnNetParser#signedInt.
    def visitSignedInt(self, ctx:PortasnnNetParser.SignedIntContext):
        return self.visitChildren(ctx)



del PortasnnNetParser