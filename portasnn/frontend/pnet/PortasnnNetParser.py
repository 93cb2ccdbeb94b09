# Generated from grammars/PortasnnNet.g4 by ANTLR 4.13.2
# encoding: utf-8
from antlr4 import *
from io import StringIO
import sys
if sys.version_info[1] > 5:
	from typing import TextIO
else:
	from typing.io import TextIO

def serializedATN():
    return [
        4,1,42,269,2,0,7,0,2,1,7,1,2,2,7,2,2,3,7,3,2,4,7,4,2,5,7,5,2,6,7,
        6,2,7,7,7,2,8,7,8,2,9,7,9,2,10,7,10,2,11,7,11,2,12,7,12,1,0,5,0,
        28,8,0,10,0,12,0,31,9,0,1,0,1,0,1,1,1,1,1,1,3,1,38,8,1,1,1,1,1,1,
        1,1,1,1,1,1,1,3,1,46,8,1,1,1,1,1,1,1,3,1,51,8,1,1,1,1,1,1,1,1,1,
        1,1,1,1,3,1,59,8,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,3,1,71,
        8,1,1,1,1,1,1,1,3,1,76,8,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,5,1,85,8,
        1,10,1,12,1,88,9,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,5,1,98,8,1,10,
        1,12,1,101,9,1,1,1,3,1,104,8,1,1,1,1,1,1,1,5,1,109,8,1,10,1,12,1,
        112,9,1,3,1,114,8,1,1,1,1,1,1,1,3,1,119,8,1,1,1,1,1,1,1,5,1,124,
        8,1,10,1,12,1,127,9,1,1,1,1,1,1,1,1,1,3,1,133,8,1,1,1,1,1,1,1,5,
        1,138,8,1,10,1,12,1,141,9,1,3,1,143,8,1,1,2,1,2,1,2,1,2,5,2,149,
        8,2,10,2,12,2,152,9,2,1,2,3,2,155,8,2,3,2,157,8,2,1,2,1,2,1,3,3,
        3,162,8,3,1,3,1,3,1,3,1,3,1,4,1,4,1,4,1,4,1,5,1,5,1,5,1,5,1,5,3,
        5,177,8,5,1,6,1,6,1,6,1,6,1,6,1,6,1,6,5,6,186,8,6,10,6,12,6,189,
        9,6,3,6,191,8,6,1,7,1,7,1,7,1,8,1,8,1,8,1,8,1,8,5,8,201,8,8,10,8,
        12,8,204,9,8,3,8,206,8,8,1,8,1,8,1,9,1,9,3,9,212,8,9,1,9,1,9,1,10,
        1,10,1,10,1,10,1,10,3,10,221,8,10,1,10,1,10,1,10,1,10,1,10,1,10,
        1,10,1,10,5,10,231,8,10,10,10,12,10,234,9,10,3,10,236,8,10,1,10,
        1,10,1,10,1,10,1,10,3,10,243,8,10,1,10,1,10,1,10,1,10,1,10,1,10,
        1,10,1,10,1,10,5,10,254,8,10,10,10,12,10,257,9,10,1,11,1,11,1,11,
        3,11,262,8,11,1,12,3,12,265,8,12,1,12,1,12,1,12,0,1,20,13,0,2,4,
        6,8,10,12,14,16,18,20,22,24,0,5,1,0,28,29,1,0,15,18,1,0,26,27,1,
        0,19,20,1,0,24,25,305,0,29,1,0,0,0,2,142,1,0,0,0,4,144,1,0,0,0,6,
        161,1,0,0,0,8,167,1,0,0,0,10,171,1,0,0,0,12,190,1,0,0,0,14,192,1,
        0,0,0,16,195,1,0,0,0,18,211,1,0,0,0,20,242,1,0,0,0,22,258,1,0,0,
        0,24,264,1,0,0,0,26,28,3,2,1,0,27,26,1,0,0,0,28,31,1,0,0,0,29,27,
        1,0,0,0,29,30,1,0,0,0,30,32,1,0,0,0,31,29,1,0,0,0,32,33,5,0,0,1,
        33,1,1,0,0,0,34,37,5,1,0,0,35,38,5,39,0,0,36,38,5,40,0,0,37,35,1,
        0,0,0,37,36,1,0,0,0,38,143,1,0,0,0,39,40,5,2,0,0,40,143,5,40,0,0,
        41,42,5,3,0,0,42,45,5,39,0,0,43,44,5,28,0,0,44,46,5,39,0,0,45,43,
        1,0,0,0,45,46,1,0,0,0,46,47,1,0,0,0,47,48,5,4,0,0,48,50,5,40,0,0,
        49,51,3,4,2,0,50,49,1,0,0,0,50,51,1,0,0,0,51,143,1,0,0,0,52,53,5,
        3,0,0,53,54,5,39,0,0,54,55,5,28,0,0,55,56,5,5,0,0,56,58,5,39,0,0,
        57,59,3,4,2,0,58,57,1,0,0,0,58,59,1,0,0,0,59,143,1,0,0,0,60,61,5,
        6,0,0,61,62,5,39,0,0,62,63,5,28,0,0,63,143,3,20,10,0,64,65,5,7,0,
        0,65,66,5,39,0,0,66,67,5,30,0,0,67,68,3,20,10,0,68,70,5,39,0,0,69,
        71,3,4,2,0,70,69,1,0,0,0,70,71,1,0,0,0,71,143,1,0,0,0,72,75,5,9,
        0,0,73,74,5,39,0,0,74,76,5,30,0,0,75,73,1,0,0,0,75,76,1,0,0,0,76,
        77,1,0,0,0,77,78,5,39,0,0,78,79,5,22,0,0,79,80,5,39,0,0,80,81,5,
        30,0,0,81,86,3,16,8,0,82,83,5,31,0,0,83,85,3,8,4,0,84,82,1,0,0,0,
        85,88,1,0,0,0,86,84,1,0,0,0,86,87,1,0,0,0,87,143,1,0,0,0,88,86,1,
        0,0,0,89,90,5,10,0,0,90,91,5,39,0,0,91,92,5,30,0,0,92,93,3,16,8,
        0,93,94,5,22,0,0,94,99,3,10,5,0,95,96,5,31,0,0,96,98,3,10,5,0,97,
        95,1,0,0,0,98,101,1,0,0,0,99,97,1,0,0,0,99,100,1,0,0,0,100,113,1,
        0,0,0,101,99,1,0,0,0,102,104,5,31,0,0,103,102,1,0,0,0,103,104,1,
        0,0,0,104,105,1,0,0,0,105,110,3,8,4,0,106,107,5,31,0,0,107,109,3,
        8,4,0,108,106,1,0,0,0,109,112,1,0,0,0,110,108,1,0,0,0,110,111,1,
        0,0,0,111,114,1,0,0,0,112,110,1,0,0,0,113,103,1,0,0,0,113,114,1,
        0,0,0,114,143,1,0,0,0,115,118,5,11,0,0,116,117,5,39,0,0,117,119,
        5,30,0,0,118,116,1,0,0,0,118,119,1,0,0,0,119,120,1,0,0,0,120,125,
        5,39,0,0,121,122,5,31,0,0,122,124,5,39,0,0,123,121,1,0,0,0,124,127,
        1,0,0,0,125,123,1,0,0,0,125,126,1,0,0,0,126,128,1,0,0,0,127,125,
        1,0,0,0,128,129,5,12,0,0,129,132,3,10,5,0,130,131,5,13,0,0,131,133,
        3,20,10,0,132,130,1,0,0,0,132,133,1,0,0,0,133,143,1,0,0,0,134,135,
        5,14,0,0,135,139,3,20,10,0,136,138,3,14,7,0,137,136,1,0,0,0,138,
        141,1,0,0,0,139,137,1,0,0,0,139,140,1,0,0,0,140,143,1,0,0,0,141,
        139,1,0,0,0,142,34,1,0,0,0,142,39,1,0,0,0,142,41,1,0,0,0,142,52,
        1,0,0,0,142,60,1,0,0,0,142,64,1,0,0,0,142,72,1,0,0,0,142,89,1,0,
        0,0,142,115,1,0,0,0,142,134,1,0,0,0,143,3,1,0,0,0,144,156,5,36,0,
        0,145,150,3,6,3,0,146,147,5,31,0,0,147,149,3,6,3,0,148,146,1,0,0,
        0,149,152,1,0,0,0,150,148,1,0,0,0,150,151,1,0,0,0,151,154,1,0,0,
        0,152,150,1,0,0,0,153,155,5,31,0,0,154,153,1,0,0,0,154,155,1,0,0,
        0,155,157,1,0,0,0,156,145,1,0,0,0,156,157,1,0,0,0,157,158,1,0,0,
        0,158,159,5,37,0,0,159,5,1,0,0,0,160,162,5,8,0,0,161,160,1,0,0,0,
        161,162,1,0,0,0,162,163,1,0,0,0,163,164,5,39,0,0,164,165,7,0,0,0,
        165,166,3,20,10,0,166,7,1,0,0,0,167,168,5,39,0,0,168,169,5,28,0,
        0,169,170,3,20,10,0,170,9,1,0,0,0,171,176,5,39,0,0,172,173,5,34,
        0,0,173,174,3,12,6,0,174,175,5,35,0,0,175,177,1,0,0,0,176,172,1,
        0,0,0,176,177,1,0,0,0,177,11,1,0,0,0,178,179,3,20,10,0,179,180,5,
        30,0,0,180,181,3,20,10,0,181,191,1,0,0,0,182,187,3,20,10,0,183,184,
        5,31,0,0,184,186,3,20,10,0,185,183,1,0,0,0,186,189,1,0,0,0,187,185,
        1,0,0,0,187,188,1,0,0,0,188,191,1,0,0,0,189,187,1,0,0,0,190,178,
        1,0,0,0,190,182,1,0,0,0,191,13,1,0,0,0,192,193,7,1,0,0,193,194,3,
        20,10,0,194,15,1,0,0,0,195,196,5,39,0,0,196,205,5,32,0,0,197,202,
        3,18,9,0,198,199,5,31,0,0,199,201,3,18,9,0,200,198,1,0,0,0,201,204,
        1,0,0,0,202,200,1,0,0,0,202,203,1,0,0,0,203,206,1,0,0,0,204,202,
        1,0,0,0,205,197,1,0,0,0,205,206,1,0,0,0,206,207,1,0,0,0,207,208,
        5,33,0,0,208,17,1,0,0,0,209,210,5,39,0,0,210,212,5,28,0,0,211,209,
        1,0,0,0,211,212,1,0,0,0,212,213,1,0,0,0,213,214,3,20,10,0,214,19,
        1,0,0,0,215,216,6,10,-1,0,216,217,7,2,0,0,217,243,3,20,10,10,218,
        220,5,38,0,0,219,221,3,22,11,0,220,219,1,0,0,0,220,221,1,0,0,0,221,
        243,1,0,0,0,222,243,3,22,11,0,223,243,3,16,8,0,224,243,5,39,0,0,
        225,243,7,3,0,0,226,235,5,34,0,0,227,232,3,20,10,0,228,229,5,31,
        0,0,229,231,3,20,10,0,230,228,1,0,0,0,231,234,1,0,0,0,232,230,1,
        0,0,0,232,233,1,0,0,0,233,236,1,0,0,0,234,232,1,0,0,0,235,227,1,
        0,0,0,235,236,1,0,0,0,236,237,1,0,0,0,237,243,5,35,0,0,238,239,5,
        32,0,0,239,240,3,20,10,0,240,241,5,33,0,0,241,243,1,0,0,0,242,215,
        1,0,0,0,242,218,1,0,0,0,242,222,1,0,0,0,242,223,1,0,0,0,242,224,
        1,0,0,0,242,225,1,0,0,0,242,226,1,0,0,0,242,238,1,0,0,0,243,255,
        1,0,0,0,244,245,10,11,0,0,245,246,5,23,0,0,246,254,3,20,10,11,247,
        248,10,9,0,0,248,249,7,4,0,0,249,254,3,20,10,10,250,251,10,8,0,0,
        251,252,7,2,0,0,252,254,3,20,10,9,253,244,1,0,0,0,253,247,1,0,0,
        0,253,250,1,0,0,0,254,257,1,0,0,0,255,253,1,0,0,0,255,256,1,0,0,
        0,256,21,1,0,0,0,257,255,1,0,0,0,258,261,5,21,0,0,259,260,5,23,0,
        0,260,262,3,24,12,0,261,259,1,0,0,0,261,262,1,0,0,0,262,23,1,0,0,
        0,263,265,5,27,0,0,264,263,1,0,0,0,264,265,1,0,0,0,265,266,1,0,0,
        0,266,267,5,38,0,0,267,25,1,0,0,0,35,29,37,45,50,58,70,75,86,99,
        103,110,113,118,125,132,139,142,150,154,156,161,176,187,190,202,
        205,211,220,232,235,242,253,255,261,264
    ]

class PortasnnNetParser ( Parser ):

    grammarFileName = "PortasnnNet.g4"

    atn = ATNDeserializer().deserialize(serializedATN())

    decisionsToDFA = [ DFA(ds, i) for i, ds in enumerate(atn.decisionToState) ]

    sharedContextCache = PredictionContextCache()

    literalNames = [ "<INVALID>", "'network'", "'include'", "'model'", "'from'", 
                     "'nest'", "'let'", "'population'", "'initial'", "'connect'", 
                     "'stimulus'", "'record'", "'of'", "'every'", "'simulate'", 
                     "'resolution'", "'seed'", "'threads'", "'processes'", 
                     "'true'", "'false'", "<INVALID>", "'->'", "'**'", "'*'", 
                     "'/'", "'+'", "'-'", "'='", "'~'", "':'", "','", "'('", 
                     "')'", "'['", "']'", "'{'", "'}'" ]

    symbolicNames = [ "<INVALID>", "NETWORK", "INCLUDE", "MODEL", "FROM", 
                      "NEST", "LET", "POPULATION", "INITIAL", "CONNECT", 
                      "STIMULUS", "RECORD", "OF", "EVERY", "SIMULATE", "RESOLUTION", 
                      "SEED", "THREADS", "PROCESSES", "TRUE", "FALSE", "UNIT", 
                      "ARROW", "POW", "STAR", "SLASH", "PLUS", "MINUS", 
                      "EQ", "TILDE", "COLON", "COMMA", "LPAREN", "RPAREN", 
                      "LBRACK", "RBRACK", "LBRACE", "RBRACE", "NUMBER", 
                      "IDENT", "STRING", "COMMENT", "WS" ]

    RULE_file_ = 0
    RULE_statement = 1
    RULE_block = 2
    RULE_item = 3
    RULE_option = 4
    RULE_target = 5
    RULE_subset = 6
    RULE_simOption = 7
    RULE_call = 8
    RULE_arg = 9
    RULE_expr = 10
    RULE_unit = 11
    RULE_signedInt = 12

    ruleNames =  [ "file_", "statement", "block", "item", "option", "target", 
                   "subset", "simOption", "call", "arg", "expr", "unit", 
                   "signedInt" ]

    EOF = Token.EOF
    NETWORK=1
    INCLUDE=2
    MODEL=3
    FROM=4
    NEST=5
    LET=6
    POPULATION=7
    INITIAL=8
    CONNECT=9
    STIMULUS=10
    RECORD=11
    OF=12
    EVERY=13
    SIMULATE=14
    RESOLUTION=15
    SEED=16
    THREADS=17
    PROCESSES=18
    TRUE=19
    FALSE=20
    UNIT=21
    ARROW=22
    POW=23
    STAR=24
    SLASH=25
    PLUS=26
    MINUS=27
    EQ=28
    TILDE=29
    COLON=30
    COMMA=31
    LPAREN=32
    RPAREN=33
    LBRACK=34
    RBRACK=35
    LBRACE=36
    RBRACE=37
    NUMBER=38
    IDENT=39
    STRING=40
    COMMENT=41
    WS=42

    def __init__(self, input:TokenStream, output:TextIO = sys.stdout):
        super().__init__(input, output)
        self.checkVersion("4.13.2")
        self._interp = ParserATNSimulator(self, self.atn, self.decisionsToDFA, self.sharedContextCache)
        self._predicates = None




    class File_Context(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser

        def EOF(self):
            return self.getToken(PortasnnNetParser.EOF, 0)

        def statement(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.StatementContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.StatementContext,i)


        def getRuleIndex(self):
            return PortasnnNetParser.RULE_file_

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitFile_" ):
                return visitor.visitFile_(self)
            else:
                return visitor.visitChildren(self)




    def file_(self):

        localctx = PortasnnNetParser.File_Context(self, self._ctx, self.state)
        self.enterRule(localctx, 0, self.RULE_file_)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 29
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            while (((_la) & ~0x3f) == 0 and ((1 << _la) & 20174) != 0):
                self.state = 26
                self.statement()
                self.state = 31
                self._errHandler.sync(self)
                _la = self._input.LA(1)

            self.state = 32
            self.match(PortasnnNetParser.EOF)
        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class StatementContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser


        def getRuleIndex(self):
            return PortasnnNetParser.RULE_statement

     
        def copyFrom(self, ctx:ParserRuleContext):
            super().copyFrom(ctx)



    class NetworkStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.name = None # Token
            self.quoted = None # Token
            self.copyFrom(ctx)

        def NETWORK(self):
            return self.getToken(PortasnnNetParser.NETWORK, 0)
        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)
        def STRING(self):
            return self.getToken(PortasnnNetParser.STRING, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitNetworkStmt" ):
                return visitor.visitNetworkStmt(self)
            else:
                return visitor.visitChildren(self)


    class PopulationStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.name = None # Token
            self.size = None # ExprContext
            self.model = None # Token
            self.copyFrom(ctx)

        def POPULATION(self):
            return self.getToken(PortasnnNetParser.POPULATION, 0)
        def COLON(self):
            return self.getToken(PortasnnNetParser.COLON, 0)
        def IDENT(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.IDENT)
            else:
                return self.getToken(PortasnnNetParser.IDENT, i)
        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)

        def block(self):
            return self.getTypedRuleContext(PortasnnNetParser.BlockContext,0)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitPopulationStmt" ):
                return visitor.visitPopulationStmt(self)
            else:
                return visitor.visitChildren(self)


    class ConnectStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.name = None # Token
            self.pre = None # Token
            self.post = None # Token
            self.copyFrom(ctx)

        def CONNECT(self):
            return self.getToken(PortasnnNetParser.CONNECT, 0)
        def ARROW(self):
            return self.getToken(PortasnnNetParser.ARROW, 0)
        def COLON(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.COLON)
            else:
                return self.getToken(PortasnnNetParser.COLON, i)
        def call(self):
            return self.getTypedRuleContext(PortasnnNetParser.CallContext,0)

        def IDENT(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.IDENT)
            else:
                return self.getToken(PortasnnNetParser.IDENT, i)
        def COMMA(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.COMMA)
            else:
                return self.getToken(PortasnnNetParser.COMMA, i)
        def option(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.OptionContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.OptionContext,i)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitConnectStmt" ):
                return visitor.visitConnectStmt(self)
            else:
                return visitor.visitChildren(self)


    class RecordStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.name = None # Token
            self.interval = None # ExprContext
            self.copyFrom(ctx)

        def RECORD(self):
            return self.getToken(PortasnnNetParser.RECORD, 0)
        def IDENT(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.IDENT)
            else:
                return self.getToken(PortasnnNetParser.IDENT, i)
        def OF(self):
            return self.getToken(PortasnnNetParser.OF, 0)
        def target(self):
            return self.getTypedRuleContext(PortasnnNetParser.TargetContext,0)

        def COLON(self):
            return self.getToken(PortasnnNetParser.COLON, 0)
        def COMMA(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.COMMA)
            else:
                return self.getToken(PortasnnNetParser.COMMA, i)
        def EVERY(self):
            return self.getToken(PortasnnNetParser.EVERY, 0)
        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitRecordStmt" ):
                return visitor.visitRecordStmt(self)
            else:
                return visitor.visitChildren(self)


    class IncludeStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.path = None # Token
            self.copyFrom(ctx)

        def INCLUDE(self):
            return self.getToken(PortasnnNetParser.INCLUDE, 0)
        def STRING(self):
            return self.getToken(PortasnnNetParser.STRING, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitIncludeStmt" ):
                return visitor.visitIncludeStmt(self)
            else:
                return visitor.visitChildren(self)


    class SimulateStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.duration = None # ExprContext
            self.copyFrom(ctx)

        def SIMULATE(self):
            return self.getToken(PortasnnNetParser.SIMULATE, 0)
        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)

        def simOption(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.SimOptionContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.SimOptionContext,i)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitSimulateStmt" ):
                return visitor.visitSimulateStmt(self)
            else:
                return visitor.visitChildren(self)


    class LetStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.name = None # Token
            self.copyFrom(ctx)

        def LET(self):
            return self.getToken(PortasnnNetParser.LET, 0)
        def EQ(self):
            return self.getToken(PortasnnNetParser.EQ, 0)
        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)

        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitLetStmt" ):
                return visitor.visitLetStmt(self)
            else:
                return visitor.visitChildren(self)


    class ModelFileStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.key = None # Token
            self.inner = None # Token
            self.path = None # Token
            self.copyFrom(ctx)

        def MODEL(self):
            return self.getToken(PortasnnNetParser.MODEL, 0)
        def FROM(self):
            return self.getToken(PortasnnNetParser.FROM, 0)
        def IDENT(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.IDENT)
            else:
                return self.getToken(PortasnnNetParser.IDENT, i)
        def STRING(self):
            return self.getToken(PortasnnNetParser.STRING, 0)
        def EQ(self):
            return self.getToken(PortasnnNetParser.EQ, 0)
        def block(self):
            return self.getTypedRuleContext(PortasnnNetParser.BlockContext,0)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitModelFileStmt" ):
                return visitor.visitModelFileStmt(self)
            else:
                return visitor.visitChildren(self)


    class StimulusStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.name = None # Token
            self.copyFrom(ctx)

        def STIMULUS(self):
            return self.getToken(PortasnnNetParser.STIMULUS, 0)
        def COLON(self):
            return self.getToken(PortasnnNetParser.COLON, 0)
        def call(self):
            return self.getTypedRuleContext(PortasnnNetParser.CallContext,0)

        def ARROW(self):
            return self.getToken(PortasnnNetParser.ARROW, 0)
        def target(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.TargetContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.TargetContext,i)

        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)
        def COMMA(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.COMMA)
            else:
                return self.getToken(PortasnnNetParser.COMMA, i)
        def option(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.OptionContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.OptionContext,i)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitStimulusStmt" ):
                return visitor.visitStimulusStmt(self)
            else:
                return visitor.visitChildren(self)


    class ModelNestStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.key = None # Token
            self.builtin = None # Token
            self.copyFrom(ctx)

        def MODEL(self):
            return self.getToken(PortasnnNetParser.MODEL, 0)
        def EQ(self):
            return self.getToken(PortasnnNetParser.EQ, 0)
        def NEST(self):
            return self.getToken(PortasnnNetParser.NEST, 0)
        def IDENT(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.IDENT)
            else:
                return self.getToken(PortasnnNetParser.IDENT, i)
        def block(self):
            return self.getTypedRuleContext(PortasnnNetParser.BlockContext,0)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitModelNestStmt" ):
                return visitor.visitModelNestStmt(self)
            else:
                return visitor.visitChildren(self)



    def statement(self):

        localctx = PortasnnNetParser.StatementContext(self, self._ctx, self.state)
        self.enterRule(localctx, 2, self.RULE_statement)
        self._la = 0 # Token type
        try:
            self.state = 142
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,16,self._ctx)
            if la_ == 1:
                localctx = PortasnnNetParser.NetworkStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 1)
                self.state = 34
                self.match(PortasnnNetParser.NETWORK)
                self.state = 37
                self._errHandler.sync(self)
                token = self._input.LA(1)
                if token in [39]:
                    self.state = 35
                    localctx.name = self.match(PortasnnNetParser.IDENT)
                    pass
                elif token in [40]:
                    self.state = 36
                    localctx.quoted = self.match(PortasnnNetParser.STRING)
                    pass
                else:
                    raise NoViableAltException(self)

                pass

            elif la_ == 2:
                localctx = PortasnnNetParser.IncludeStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 2)
                self.state = 39
                self.match(PortasnnNetParser.INCLUDE)
                self.state = 40
                localctx.path = self.match(PortasnnNetParser.STRING)
                pass

            elif la_ == 3:
                localctx = PortasnnNetParser.ModelFileStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 3)
                self.state = 41
                self.match(PortasnnNetParser.MODEL)
                self.state = 42
                localctx.key = self.match(PortasnnNetParser.IDENT)
                self.state = 45
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==28:
                    self.state = 43
                    self.match(PortasnnNetParser.EQ)
                    self.state = 44
                    localctx.inner = self.match(PortasnnNetParser.IDENT)


                self.state = 47
                self.match(PortasnnNetParser.FROM)
                self.state = 48
                localctx.path = self.match(PortasnnNetParser.STRING)
                self.state = 50
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==36:
                    self.state = 49
                    self.block()


                pass

            elif la_ == 4:
                localctx = PortasnnNetParser.ModelNestStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 4)
                self.state = 52
                self.match(PortasnnNetParser.MODEL)
                self.state = 53
                localctx.key = self.match(PortasnnNetParser.IDENT)
                self.state = 54
                self.match(PortasnnNetParser.EQ)
                self.state = 55
                self.match(PortasnnNetParser.NEST)
                self.state = 56
                localctx.builtin = self.match(PortasnnNetParser.IDENT)
                self.state = 58
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==36:
                    self.state = 57
                    self.block()


                pass

            elif la_ == 5:
                localctx = PortasnnNetParser.LetStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 5)
                self.state = 60
                self.match(PortasnnNetParser.LET)
                self.state = 61
                localctx.name = self.match(PortasnnNetParser.IDENT)
                self.state = 62
                self.match(PortasnnNetParser.EQ)
                self.state = 63
                self.expr(0)
                pass

            elif la_ == 6:
                localctx = PortasnnNetParser.PopulationStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 6)
                self.state = 64
                self.match(PortasnnNetParser.POPULATION)
                self.state = 65
                localctx.name = self.match(PortasnnNetParser.IDENT)
                self.state = 66
                self.match(PortasnnNetParser.COLON)
                self.state = 67
                localctx.size = self.expr(0)
                self.state = 68
                localctx.model = self.match(PortasnnNetParser.IDENT)
                self.state = 70
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==36:
                    self.state = 69
                    self.block()


                pass

            elif la_ == 7:
                localctx = PortasnnNetParser.ConnectStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 7)
                self.state = 72
                self.match(PortasnnNetParser.CONNECT)
                self.state = 75
                self._errHandler.sync(self)
                la_ = self._interp.adaptivePredict(self._input,6,self._ctx)
                if la_ == 1:
                    self.state = 73
                    localctx.name = self.match(PortasnnNetParser.IDENT)
                    self.state = 74
                    self.match(PortasnnNetParser.COLON)


                self.state = 77
                localctx.pre = self.match(PortasnnNetParser.IDENT)
                self.state = 78
                self.match(PortasnnNetParser.ARROW)
                self.state = 79
                localctx.post = self.match(PortasnnNetParser.IDENT)
                self.state = 80
                self.match(PortasnnNetParser.COLON)
                self.state = 81
                self.call()
                self.state = 86
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==31:
                    self.state = 82
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 83
                    self.option()
                    self.state = 88
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)

                pass

            elif la_ == 8:
                localctx = PortasnnNetParser.StimulusStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 8)
                self.state = 89
                self.match(PortasnnNetParser.STIMULUS)
                self.state = 90
                localctx.name = self.match(PortasnnNetParser.IDENT)
                self.state = 91
                self.match(PortasnnNetParser.COLON)
                self.state = 92
                self.call()
                self.state = 93
                self.match(PortasnnNetParser.ARROW)
                self.state = 94
                self.target()
                self.state = 99
                self._errHandler.sync(self)
                _alt = self._interp.adaptivePredict(self._input,8,self._ctx)
                while _alt!=2 and _alt!=ATN.INVALID_ALT_NUMBER:
                    if _alt==1:
                        self.state = 95
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 96
                        self.target() 
                    self.state = 101
                    self._errHandler.sync(self)
                    _alt = self._interp.adaptivePredict(self._input,8,self._ctx)

                self.state = 113
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==31 or _la==39:
                    self.state = 103
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)
                    if _la==31:
                        self.state = 102
                        self.match(PortasnnNetParser.COMMA)


                    self.state = 105
                    self.option()
                    self.state = 110
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)
                    while _la==31:
                        self.state = 106
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 107
                        self.option()
                        self.state = 112
                        self._errHandler.sync(self)
                        _la = self._input.LA(1)



                pass

            elif la_ == 9:
                localctx = PortasnnNetParser.RecordStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 9)
                self.state = 115
                self.match(PortasnnNetParser.RECORD)
                self.state = 118
                self._errHandler.sync(self)
                la_ = self._interp.adaptivePredict(self._input,12,self._ctx)
                if la_ == 1:
                    self.state = 116
                    localctx.name = self.match(PortasnnNetParser.IDENT)
                    self.state = 117
                    self.match(PortasnnNetParser.COLON)


                self.state = 120
                self.match(PortasnnNetParser.IDENT)
                self.state = 125
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==31:
                    self.state = 121
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 122
                    self.match(PortasnnNetParser.IDENT)
                    self.state = 127
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)

                self.state = 128
                self.match(PortasnnNetParser.OF)
                self.state = 129
                self.target()
                self.state = 132
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==13:
                    self.state = 130
                    self.match(PortasnnNetParser.EVERY)
                    self.state = 131
                    localctx.interval = self.expr(0)


                pass

            elif la_ == 10:
                localctx = PortasnnNetParser.SimulateStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 10)
                self.state = 134
                self.match(PortasnnNetParser.SIMULATE)
                self.state = 135
                localctx.duration = self.expr(0)
                self.state = 139
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while (((_la) & ~0x3f) == 0 and ((1 << _la) & 491520) != 0):
                    self.state = 136
                    self.simOption()
                    self.state = 141
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)

                pass


        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class BlockContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser

        def LBRACE(self):
            return self.getToken(PortasnnNetParser.LBRACE, 0)

        def RBRACE(self):
            return self.getToken(PortasnnNetParser.RBRACE, 0)

        def item(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.ItemContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.ItemContext,i)


        def COMMA(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.COMMA)
            else:
                return self.getToken(PortasnnNetParser.COMMA, i)

        def getRuleIndex(self):
            return PortasnnNetParser.RULE_block

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitBlock" ):
                return visitor.visitBlock(self)
            else:
                return visitor.visitChildren(self)




    def block(self):

        localctx = PortasnnNetParser.BlockContext(self, self._ctx, self.state)
        self.enterRule(localctx, 4, self.RULE_block)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 144
            self.match(PortasnnNetParser.LBRACE)
            self.state = 156
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==8 or _la==39:
                self.state = 145
                self.item()
                self.state = 150
                self._errHandler.sync(self)
                _alt = self._interp.adaptivePredict(self._input,17,self._ctx)
                while _alt!=2 and _alt!=ATN.INVALID_ALT_NUMBER:
                    if _alt==1:
                        self.state = 146
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 147
                        self.item() 
                    self.state = 152
                    self._errHandler.sync(self)
                    _alt = self._interp.adaptivePredict(self._input,17,self._ctx)

                self.state = 154
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==31:
                    self.state = 153
                    self.match(PortasnnNetParser.COMMA)




            self.state = 158
            self.match(PortasnnNetParser.RBRACE)
        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class ItemContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser
            self.name = None # Token
            self.op = None # Token

        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)


        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)

        def EQ(self):
            return self.getToken(PortasnnNetParser.EQ, 0)

        def TILDE(self):
            return self.getToken(PortasnnNetParser.TILDE, 0)

        def INITIAL(self):
            return self.getToken(PortasnnNetParser.INITIAL, 0)

        def getRuleIndex(self):
            return PortasnnNetParser.RULE_item

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitItem" ):
                return visitor.visitItem(self)
            else:
                return visitor.visitChildren(self)




    def item(self):

        localctx = PortasnnNetParser.ItemContext(self, self._ctx, self.state)
        self.enterRule(localctx, 6, self.RULE_item)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 161
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==8:
                self.state = 160
                self.match(PortasnnNetParser.INITIAL)


            self.state = 163
            localctx.name = self.match(PortasnnNetParser.IDENT)
            self.state = 164
            localctx.op = self._input.LT(1)
            _la = self._input.LA(1)
            if not(_la==28 or _la==29):
                localctx.op = self._errHandler.recoverInline(self)
            else:
                self._errHandler.reportMatch(self)
                self.consume()
            self.state = 165
            self.expr(0)
        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class OptionContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser
            self.name = None # Token

        def EQ(self):
            return self.getToken(PortasnnNetParser.EQ, 0)

        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)


        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)

        def getRuleIndex(self):
            return PortasnnNetParser.RULE_option

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitOption" ):
                return visitor.visitOption(self)
            else:
                return visitor.visitChildren(self)




    def option(self):

        localctx = PortasnnNetParser.OptionContext(self, self._ctx, self.state)
        self.enterRule(localctx, 8, self.RULE_option)
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 167
            localctx.name = self.match(PortasnnNetParser.IDENT)
            self.state = 168
            self.match(PortasnnNetParser.EQ)
            self.state = 169
            self.expr(0)
        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class TargetContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser
            self.name = None # Token

        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)

        def LBRACK(self):
            return self.getToken(PortasnnNetParser.LBRACK, 0)

        def subset(self):
            return self.getTypedRuleContext(PortasnnNetParser.SubsetContext,0)


        def RBRACK(self):
            return self.getToken(PortasnnNetParser.RBRACK, 0)

        def getRuleIndex(self):
            return PortasnnNetParser.RULE_target

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitTarget" ):
                return visitor.visitTarget(self)
            else:
                return visitor.visitChildren(self)




    def target(self):

        localctx = PortasnnNetParser.TargetContext(self, self._ctx, self.state)
        self.enterRule(localctx, 10, self.RULE_target)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 171
            localctx.name = self.match(PortasnnNetParser.IDENT)
            self.state = 176
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==34:
                self.state = 172
                self.match(PortasnnNetParser.LBRACK)
                self.state = 173
                self.subset()
                self.state = 174
                self.match(PortasnnNetParser.RBRACK)


        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class SubsetContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser


        def getRuleIndex(self):
            return PortasnnNetParser.RULE_subset

     
        def copyFrom(self, ctx:ParserRuleContext):
            super().copyFrom(ctx)



    class ListSubsetContext(SubsetContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.SubsetContext
            super().__init__(parser)
            self.copyFrom(ctx)

        def expr(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.ExprContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.ExprContext,i)

        def COMMA(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.COMMA)
            else:
                return self.getToken(PortasnnNetParser.COMMA, i)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitListSubset" ):
                return visitor.visitListSubset(self)
            else:
                return visitor.visitChildren(self)


    class RangeSubsetContext(SubsetContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.SubsetContext
            super().__init__(parser)
            self.lo = None # ExprContext
            self.hi = None # ExprContext
            self.copyFrom(ctx)

        def COLON(self):
            return self.getToken(PortasnnNetParser.COLON, 0)
        def expr(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.ExprContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.ExprContext,i)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitRangeSubset" ):
                return visitor.visitRangeSubset(self)
            else:
                return visitor.visitChildren(self)



    def subset(self):

        localctx = PortasnnNetParser.SubsetContext(self, self._ctx, self.state)
        self.enterRule(localctx, 12, self.RULE_subset)
        self._la = 0 # Token type
        try:
            self.state = 190
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,23,self._ctx)
            if la_ == 1:
                localctx = PortasnnNetParser.RangeSubsetContext(self, localctx)
                self.enterOuterAlt(localctx, 1)
                self.state = 178
                localctx.lo = self.expr(0)
                self.state = 179
                self.match(PortasnnNetParser.COLON)
                self.state = 180
                localctx.hi = self.expr(0)
                pass

            elif la_ == 2:
                localctx = PortasnnNetParser.ListSubsetContext(self, localctx)
                self.enterOuterAlt(localctx, 2)
                self.state = 182
                self.expr(0)
                self.state = 187
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==31:
                    self.state = 183
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 184
                    self.expr(0)
                    self.state = 189
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)

                pass


        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class SimOptionContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser
            self.key = None # Token

        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)


        def RESOLUTION(self):
            return self.getToken(PortasnnNetParser.RESOLUTION, 0)

        def SEED(self):
            return self.getToken(PortasnnNetParser.SEED, 0)

        def THREADS(self):
            return self.getToken(PortasnnNetParser.THREADS, 0)

        def PROCESSES(self):
            return self.getToken(PortasnnNetParser.PROCESSES, 0)

        def getRuleIndex(self):
            return PortasnnNetParser.RULE_simOption

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitSimOption" ):
                return visitor.visitSimOption(self)
            else:
                return visitor.visitChildren(self)




    def simOption(self):

        localctx = PortasnnNetParser.SimOptionContext(self, self._ctx, self.state)
        self.enterRule(localctx, 14, self.RULE_simOption)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 192
            localctx.key = self._input.LT(1)
            _la = self._input.LA(1)
            if not((((_la) & ~0x3f) == 0 and ((1 << _la) & 491520) != 0)):
                localctx.key = self._errHandler.recoverInline(self)
            else:
                self._errHandler.reportMatch(self)
                self.consume()
            self.state = 193
            self.expr(0)
        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class CallContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser
            self.fn = None # Token

        def LPAREN(self):
            return self.getToken(PortasnnNetParser.LPAREN, 0)

        def RPAREN(self):
            return self.getToken(PortasnnNetParser.RPAREN, 0)

        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)

        def arg(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.ArgContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.ArgContext,i)


        def COMMA(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.COMMA)
            else:
                return self.getToken(PortasnnNetParser.COMMA, i)

        def getRuleIndex(self):
            return PortasnnNetParser.RULE_call

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitCall" ):
                return visitor.visitCall(self)
            else:
                return visitor.visitChildren(self)




    def call(self):

        localctx = PortasnnNetParser.CallContext(self, self._ctx, self.state)
        self.enterRule(localctx, 16, self.RULE_call)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 195
            localctx.fn = self.match(PortasnnNetParser.IDENT)
            self.state = 196
            self.match(PortasnnNetParser.LPAREN)
            self.state = 205
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if (((_la) & ~0x3f) == 0 and ((1 << _la) & 846313553920) != 0):
                self.state = 197
                self.arg()
                self.state = 202
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==31:
                    self.state = 198
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 199
                    self.arg()
                    self.state = 204
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)



            self.state = 207
            self.match(PortasnnNetParser.RPAREN)
        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class ArgContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser
            self.name = None # Token

        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)


        def EQ(self):
            return self.getToken(PortasnnNetParser.EQ, 0)

        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)

        def getRuleIndex(self):
            return PortasnnNetParser.RULE_arg

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitArg" ):
                return visitor.visitArg(self)
            else:
                return visitor.visitChildren(self)




    def arg(self):

        localctx = PortasnnNetParser.ArgContext(self, self._ctx, self.state)
        self.enterRule(localctx, 18, self.RULE_arg)
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 211
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,26,self._ctx)
            if la_ == 1:
                self.state = 209
                localctx.name = self.match(PortasnnNetParser.IDENT)
                self.state = 210
                self.match(PortasnnNetParser.EQ)


            self.state = 213
            self.expr(0)
        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class ExprContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser


        def getRuleIndex(self):
            return PortasnnNetParser.RULE_expr

     
        def copyFrom(self, ctx:ParserRuleContext):
            super().copyFrom(ctx)


    class UnaryExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.op = None # Token
            self.copyFrom(ctx)

        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)

        def MINUS(self):
            return self.getToken(PortasnnNetParser.MINUS, 0)
        def PLUS(self):
            return self.getToken(PortasnnNetParser.PLUS, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitUnaryExpr" ):
                return visitor.visitUnaryExpr(self)
            else:
                return visitor.visitChildren(self)


    class AddExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.left = None # ExprContext
            self.op = None # Token
            self.right = None # ExprContext
            self.copyFrom(ctx)

        def expr(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.ExprContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.ExprContext,i)

        def PLUS(self):
            return self.getToken(PortasnnNetParser.PLUS, 0)
        def MINUS(self):
            return self.getToken(PortasnnNetParser.MINUS, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitAddExpr" ):
                return visitor.visitAddExpr(self)
            else:
                return visitor.visitChildren(self)


    class NumberExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.copyFrom(ctx)

        def NUMBER(self):
            return self.getToken(PortasnnNetParser.NUMBER, 0)
        def unit(self):
            return self.getTypedRuleContext(PortasnnNetParser.UnitContext,0)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitNumberExpr" ):
                return visitor.visitNumberExpr(self)
            else:
                return visitor.visitChildren(self)


    class MulExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.left = None # ExprContext
            self.op = None # Token
            self.right = None # ExprContext
            self.copyFrom(ctx)

        def expr(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.ExprContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.ExprContext,i)

        def STAR(self):
            return self.getToken(PortasnnNetParser.STAR, 0)
        def SLASH(self):
            return self.getToken(PortasnnNetParser.SLASH, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitMulExpr" ):
                return visitor.visitMulExpr(self)
            else:
                return visitor.visitChildren(self)


    class CallExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.copyFrom(ctx)

        def call(self):
            return self.getTypedRuleContext(PortasnnNetParser.CallContext,0)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitCallExpr" ):
                return visitor.visitCallExpr(self)
            else:
                return visitor.visitChildren(self)


    class BoolExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.copyFrom(ctx)

        def TRUE(self):
            return self.getToken(PortasnnNetParser.TRUE, 0)
        def FALSE(self):
            return self.getToken(PortasnnNetParser.FALSE, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitBoolExpr" ):
                return visitor.visitBoolExpr(self)
            else:
                return visitor.visitChildren(self)


    class PowExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.left = None # ExprContext
            self.op = None # Token
            self.right = None # ExprContext
            self.copyFrom(ctx)

        def expr(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.ExprContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.ExprContext,i)

        def POW(self):
            return self.getToken(PortasnnNetParser.POW, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitPowExpr" ):
                return visitor.visitPowExpr(self)
            else:
                return visitor.visitChildren(self)


    class ListExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.copyFrom(ctx)

        def LBRACK(self):
            return self.getToken(PortasnnNetParser.LBRACK, 0)
        def RBRACK(self):
            return self.getToken(PortasnnNetParser.RBRACK, 0)
        def expr(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.ExprContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.ExprContext,i)

        def COMMA(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.COMMA)
            else:
                return self.getToken(PortasnnNetParser.COMMA, i)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitListExpr" ):
                return visitor.visitListExpr(self)
            else:
                return visitor.visitChildren(self)


    class UnitExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.copyFrom(ctx)

        def unit(self):
            return self.getTypedRuleContext(PortasnnNetParser.UnitContext,0)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitUnitExpr" ):
                return visitor.visitUnitExpr(self)
            else:
                return visitor.visitChildren(self)


    class NameExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.copyFrom(ctx)

        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitNameExpr" ):
                return visitor.visitNameExpr(self)
            else:
                return visitor.visitChildren(self)


    class ParenExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.copyFrom(ctx)

        def LPAREN(self):
            return self.getToken(PortasnnNetParser.LPAREN, 0)
        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)

        def RPAREN(self):
            return self.getToken(PortasnnNetParser.RPAREN, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitParenExpr" ):
                return visitor.visitParenExpr(self)
            else:
                return visitor.visitChildren(self)



    def expr(self, _p:int=0):
        _parentctx = self._ctx
        _parentState = self.state
        localctx = PortasnnNetParser.ExprContext(self, self._ctx, _parentState)
        _prevctx = localctx
        _startState = 20
        self.enterRecursionRule(localctx, 20, self.RULE_expr, _p)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 242
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,30,self._ctx)
            if la_ == 1:
                localctx = PortasnnNetParser.UnaryExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx

                self.state = 216
                localctx.op = self._input.LT(1)
                _la = self._input.LA(1)
                if not(_la==26 or _la==27):
                    localctx.op = self._errHandler.recoverInline(self)
                else:
                    self._errHandler.reportMatch(self)
                    self.consume()
                self.state = 217
                self.expr(10)
                pass

            elif la_ == 2:
                localctx = PortasnnNetParser.NumberExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 218
                self.match(PortasnnNetParser.NUMBER)
                self.state = 220
                self._errHandler.sync(self)
                la_ = self._interp.adaptivePredict(self._input,27,self._ctx)
                if la_ == 1:
                    self.state = 219
                    self.unit()


                pass

            elif la_ == 3:
                localctx = PortasnnNetParser.UnitExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 222
                self.unit()
                pass

            elif la_ == 4:
                localctx = PortasnnNetParser.CallExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 223
                self.call()
                pass

            elif la_ == 5:
                localctx = PortasnnNetParser.NameExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 224
                self.match(PortasnnNetParser.IDENT)
                pass

            elif la_ == 6:
                localctx = PortasnnNetParser.BoolExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 225
                _la = self._input.LA(1)
                if not(_la==19 or _la==20):
                    self._errHandler.recoverInline(self)
                else:
                    self._errHandler.reportMatch(self)
                    self.consume()
                pass

            elif la_ == 7:
                localctx = PortasnnNetParser.ListExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 226
                self.match(PortasnnNetParser.LBRACK)
                self.state = 235
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if (((_la) & ~0x3f) == 0 and ((1 << _la) & 846313553920) != 0):
                    self.state = 227
                    self.expr(0)
                    self.state = 232
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)
                    while _la==31:
                        self.state = 228
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 229
                        self.expr(0)
                        self.state = 234
                        self._errHandler.sync(self)
                        _la = self._input.LA(1)



                self.state = 237
                self.match(PortasnnNetParser.RBRACK)
                pass

            elif la_ == 8:
                localctx = PortasnnNetParser.ParenExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 238
                self.match(PortasnnNetParser.LPAREN)
                self.state = 239
                self.expr(0)
                self.state = 240
                self.match(PortasnnNetParser.RPAREN)
                pass


            self._ctx.stop = self._input.LT(-1)
            self.state = 255
            self._errHandler.sync(self)
            _alt = self._interp.adaptivePredict(self._input,32,self._ctx)
            while _alt!=2 and _alt!=ATN.INVALID_ALT_NUMBER:
                if _alt==1:
                    if self._parseListeners is not None:
                        self.triggerExitRuleEvent()
                    _prevctx = localctx
                    self.state = 253
                    self._errHandler.sync(self)
                    la_ = self._interp.adaptivePredict(self._input,31,self._ctx)
                    if la_ == 1:
                        localctx = PortasnnNetParser.PowExprContext(self, PortasnnNetParser.ExprContext(self, _parentctx, _parentState))
                        localctx.left = _prevctx
                        self.pushNewRecursionContext(localctx, _startState, self.RULE_expr)
                        self.state = 244
                        if not self.precpred(self._ctx, 11):
                            from antlr4.error.Errors import FailedPredicateException
                            raise FailedPredicateException(self, "self.precpred(self._ctx, 11)")
                        self.state = 245
                        localctx.op = self.match(PortasnnNetParser.POW)
                        self.state = 246
                        localctx.right = self.expr(11)
                        pass

                    elif la_ == 2:
                        localctx = PortasnnNetParser.MulExprContext(self, PortasnnNetParser.ExprContext(self, _parentctx, _parentState))
                        localctx.left = _prevctx
                        self.pushNewRecursionContext(localctx, _startState, self.RULE_expr)
                        self.state = 247
                        if not self.precpred(self._ctx, 9):
                            from antlr4.error.Errors import FailedPredicateException
                            raise FailedPredicateException(self, "self.precpred(self._ctx, 9)")
                        self.state = 248
                        localctx.op = self._input.LT(1)
                        _la = self._input.LA(1)
                        if not(_la==24 or _la==25):
                            localctx.op = self._errHandler.recoverInline(self)
                        else:
                            self._errHandler.reportMatch(self)
                            self.consume()
                        self.state = 249
                        localctx.right = self.expr(10)
                        pass

                    elif la_ == 3:
                        localctx = PortasnnNetParser.AddExprContext(self, PortasnnNetParser.ExprContext(self, _parentctx, _parentState))
                        localctx.left = _prevctx
                        self.pushNewRecursionContext(localctx, _startState, self.RULE_expr)
                        self.state = 250
                        if not self.precpred(self._ctx, 8):
                            from antlr4.error.Errors import FailedPredicateException
                            raise FailedPredicateException(self, "self.precpred(self._ctx, 8)")
                        self.state = 251
                        localctx.op = self._input.LT(1)
                        _la = self._input.LA(1)
                        if not(_la==26 or _la==27):
                            localctx.op = self._errHandler.recoverInline(self)
                        else:
                            self._errHandler.reportMatch(self)
                            self.consume()
                        self.state = 252
                        localctx.right = self.expr(9)
                        pass

             
                self.state = 257
                self._errHandler.sync(self)
                _alt = self._interp.adaptivePredict(self._input,32,self._ctx)

        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.unrollRecursionContexts(_parentctx)
        return localctx


    class UnitContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser
            self.exponent = None # SignedIntContext

        def UNIT(self):
            return self.getToken(PortasnnNetParser.UNIT, 0)

        def POW(self):
            return self.getToken(PortasnnNetParser.POW, 0)

        def signedInt(self):
            return self.getTypedRuleContext(PortasnnNetParser.SignedIntContext,0)


        def getRuleIndex(self):
            return PortasnnNetParser.RULE_unit

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitUnit" ):
                return visitor.visitUnit(self)
            else:
                return visitor.visitChildren(self)




    def unit(self):

        localctx = PortasnnNetParser.UnitContext(self, self._ctx, self.state)
        self.enterRule(localctx, 22, self.RULE_unit)
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 258
            self.match(PortasnnNetParser.UNIT)
            self.state = 261
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,33,self._ctx)
            if la_ == 1:
                self.state = 259
                self.match(PortasnnNetParser.POW)
                self.state = 260
                localctx.exponent = self.signedInt()


        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class SignedIntContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser

        def NUMBER(self):
            return self.getToken(PortasnnNetParser.NUMBER, 0)

        def MINUS(self):
            return self.getToken(PortasnnNetParser.MINUS, 0)

        def getRuleIndex(self):
            return PortasnnNetParser.RULE_signedInt

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitSignedInt" ):
                return visitor.visitSignedInt(self)
            else:
                return visitor.visitChildren(self)




    def signedInt(self):

        localctx = PortasnnNetParser.SignedIntContext(self, self._ctx, self.state)
        self.enterRule(localctx, 24, self.RULE_signedInt)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 264
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==27:
                self.state = 263
                self.match(PortasnnNetParser.MINUS)


            self.state = 266
            self.match(PortasnnNetParser.NUMBER)
        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx



    def sempred(self, localctx:RuleContext, ruleIndex:int, predIndex:int):
        if self._predicates == None:
            self._predicates = dict()
        self._predicates[10] = self.expr_sempred
        pred = self._predicates.get(ruleIndex, None)
        if pred is None:
            raise Exception("No predicate with index:" + str(ruleIndex))
        else:
            return pred(localctx, predIndex)

    def expr_sempred(self, localctx:ExprContext, predIndex:int):
            if predIndex == 0:
                return self.precpred(self._ctx, 11)
         

            if predIndex == 1:
                return self.precpred(self._ctx, 9)
         

            if predIndex == 2:
                return self.precpred(self._ctx, 8)
         




