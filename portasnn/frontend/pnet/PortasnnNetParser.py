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
        4,1,42,263,2,0,7,0,2,1,7,1,2,2,7,2,2,3,7,3,2,4,7,4,2,5,7,5,2,6,7,
        6,2,7,7,7,2,8,7,8,2,9,7,9,2,10,7,10,2,11,7,11,2,12,7,12,1,0,5,0,
        28,8,0,10,0,12,0,31,9,0,1,0,1,0,1,1,1,1,1,1,3,1,38,8,1,1,1,1,1,1,
        1,1,1,1,1,1,1,3,1,46,8,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
        1,1,1,1,1,1,1,1,1,1,1,1,1,1,3,1,65,8,1,1,1,1,1,1,1,3,1,70,8,1,1,
        1,1,1,1,1,1,1,1,1,1,1,1,1,5,1,79,8,1,10,1,12,1,82,9,1,1,1,1,1,1,
        1,1,1,1,1,1,1,1,1,1,1,5,1,92,8,1,10,1,12,1,95,9,1,1,1,3,1,98,8,1,
        1,1,1,1,1,1,5,1,103,8,1,10,1,12,1,106,9,1,3,1,108,8,1,1,1,1,1,1,
        1,3,1,113,8,1,1,1,1,1,1,1,5,1,118,8,1,10,1,12,1,121,9,1,1,1,1,1,
        1,1,1,1,3,1,127,8,1,1,1,1,1,1,1,5,1,132,8,1,10,1,12,1,135,9,1,3,
        1,137,8,1,1,2,1,2,1,2,1,2,5,2,143,8,2,10,2,12,2,146,9,2,1,2,3,2,
        149,8,2,3,2,151,8,2,1,2,1,2,1,3,3,3,156,8,3,1,3,1,3,1,3,1,3,1,4,
        1,4,1,4,1,4,1,5,1,5,1,5,1,5,1,5,3,5,171,8,5,1,6,1,6,1,6,1,6,1,6,
        1,6,1,6,5,6,180,8,6,10,6,12,6,183,9,6,3,6,185,8,6,1,7,1,7,1,7,1,
        8,1,8,1,8,1,8,1,8,5,8,195,8,8,10,8,12,8,198,9,8,3,8,200,8,8,1,8,
        1,8,1,9,1,9,3,9,206,8,9,1,9,1,9,1,10,1,10,1,10,1,10,1,10,3,10,215,
        8,10,1,10,1,10,1,10,1,10,1,10,1,10,1,10,1,10,5,10,225,8,10,10,10,
        12,10,228,9,10,3,10,230,8,10,1,10,1,10,1,10,1,10,1,10,3,10,237,8,
        10,1,10,1,10,1,10,1,10,1,10,1,10,1,10,1,10,1,10,5,10,248,8,10,10,
        10,12,10,251,9,10,1,11,1,11,1,11,3,11,256,8,11,1,12,3,12,259,8,12,
        1,12,1,12,1,12,0,1,20,13,0,2,4,6,8,10,12,14,16,18,20,22,24,0,5,1,
        0,28,29,1,0,15,18,1,0,26,27,1,0,19,20,1,0,24,25,297,0,29,1,0,0,0,
        2,136,1,0,0,0,4,138,1,0,0,0,6,155,1,0,0,0,8,161,1,0,0,0,10,165,1,
        0,0,0,12,184,1,0,0,0,14,186,1,0,0,0,16,189,1,0,0,0,18,205,1,0,0,
        0,20,236,1,0,0,0,22,252,1,0,0,0,24,258,1,0,0,0,26,28,3,2,1,0,27,
        26,1,0,0,0,28,31,1,0,0,0,29,27,1,0,0,0,29,30,1,0,0,0,30,32,1,0,0,
        0,31,29,1,0,0,0,32,33,5,0,0,1,33,1,1,0,0,0,34,37,5,1,0,0,35,38,5,
        39,0,0,36,38,5,40,0,0,37,35,1,0,0,0,37,36,1,0,0,0,38,137,1,0,0,0,
        39,40,5,2,0,0,40,137,5,40,0,0,41,42,5,3,0,0,42,45,5,39,0,0,43,44,
        5,28,0,0,44,46,5,39,0,0,45,43,1,0,0,0,45,46,1,0,0,0,46,47,1,0,0,
        0,47,48,5,4,0,0,48,137,5,40,0,0,49,50,5,3,0,0,50,51,5,39,0,0,51,
        52,5,28,0,0,52,53,5,5,0,0,53,137,5,39,0,0,54,55,5,6,0,0,55,56,5,
        39,0,0,56,57,5,28,0,0,57,137,3,20,10,0,58,59,5,7,0,0,59,60,5,39,
        0,0,60,61,5,30,0,0,61,62,3,20,10,0,62,64,5,39,0,0,63,65,3,4,2,0,
        64,63,1,0,0,0,64,65,1,0,0,0,65,137,1,0,0,0,66,69,5,9,0,0,67,68,5,
        39,0,0,68,70,5,30,0,0,69,67,1,0,0,0,69,70,1,0,0,0,70,71,1,0,0,0,
        71,72,5,39,0,0,72,73,5,22,0,0,73,74,5,39,0,0,74,75,5,30,0,0,75,80,
        3,16,8,0,76,77,5,31,0,0,77,79,3,8,4,0,78,76,1,0,0,0,79,82,1,0,0,
        0,80,78,1,0,0,0,80,81,1,0,0,0,81,137,1,0,0,0,82,80,1,0,0,0,83,84,
        5,10,0,0,84,85,5,39,0,0,85,86,5,30,0,0,86,87,3,16,8,0,87,88,5,22,
        0,0,88,93,3,10,5,0,89,90,5,31,0,0,90,92,3,10,5,0,91,89,1,0,0,0,92,
        95,1,0,0,0,93,91,1,0,0,0,93,94,1,0,0,0,94,107,1,0,0,0,95,93,1,0,
        0,0,96,98,5,31,0,0,97,96,1,0,0,0,97,98,1,0,0,0,98,99,1,0,0,0,99,
        104,3,8,4,0,100,101,5,31,0,0,101,103,3,8,4,0,102,100,1,0,0,0,103,
        106,1,0,0,0,104,102,1,0,0,0,104,105,1,0,0,0,105,108,1,0,0,0,106,
        104,1,0,0,0,107,97,1,0,0,0,107,108,1,0,0,0,108,137,1,0,0,0,109,112,
        5,11,0,0,110,111,5,39,0,0,111,113,5,30,0,0,112,110,1,0,0,0,112,113,
        1,0,0,0,113,114,1,0,0,0,114,119,5,39,0,0,115,116,5,31,0,0,116,118,
        5,39,0,0,117,115,1,0,0,0,118,121,1,0,0,0,119,117,1,0,0,0,119,120,
        1,0,0,0,120,122,1,0,0,0,121,119,1,0,0,0,122,123,5,12,0,0,123,126,
        3,10,5,0,124,125,5,13,0,0,125,127,3,20,10,0,126,124,1,0,0,0,126,
        127,1,0,0,0,127,137,1,0,0,0,128,129,5,14,0,0,129,133,3,20,10,0,130,
        132,3,14,7,0,131,130,1,0,0,0,132,135,1,0,0,0,133,131,1,0,0,0,133,
        134,1,0,0,0,134,137,1,0,0,0,135,133,1,0,0,0,136,34,1,0,0,0,136,39,
        1,0,0,0,136,41,1,0,0,0,136,49,1,0,0,0,136,54,1,0,0,0,136,58,1,0,
        0,0,136,66,1,0,0,0,136,83,1,0,0,0,136,109,1,0,0,0,136,128,1,0,0,
        0,137,3,1,0,0,0,138,150,5,36,0,0,139,144,3,6,3,0,140,141,5,31,0,
        0,141,143,3,6,3,0,142,140,1,0,0,0,143,146,1,0,0,0,144,142,1,0,0,
        0,144,145,1,0,0,0,145,148,1,0,0,0,146,144,1,0,0,0,147,149,5,31,0,
        0,148,147,1,0,0,0,148,149,1,0,0,0,149,151,1,0,0,0,150,139,1,0,0,
        0,150,151,1,0,0,0,151,152,1,0,0,0,152,153,5,37,0,0,153,5,1,0,0,0,
        154,156,5,8,0,0,155,154,1,0,0,0,155,156,1,0,0,0,156,157,1,0,0,0,
        157,158,5,39,0,0,158,159,7,0,0,0,159,160,3,20,10,0,160,7,1,0,0,0,
        161,162,5,39,0,0,162,163,5,28,0,0,163,164,3,20,10,0,164,9,1,0,0,
        0,165,170,5,39,0,0,166,167,5,34,0,0,167,168,3,12,6,0,168,169,5,35,
        0,0,169,171,1,0,0,0,170,166,1,0,0,0,170,171,1,0,0,0,171,11,1,0,0,
        0,172,173,3,20,10,0,173,174,5,30,0,0,174,175,3,20,10,0,175,185,1,
        0,0,0,176,181,3,20,10,0,177,178,5,31,0,0,178,180,3,20,10,0,179,177,
        1,0,0,0,180,183,1,0,0,0,181,179,1,0,0,0,181,182,1,0,0,0,182,185,
        1,0,0,0,183,181,1,0,0,0,184,172,1,0,0,0,184,176,1,0,0,0,185,13,1,
        0,0,0,186,187,7,1,0,0,187,188,3,20,10,0,188,15,1,0,0,0,189,190,5,
        39,0,0,190,199,5,32,0,0,191,196,3,18,9,0,192,193,5,31,0,0,193,195,
        3,18,9,0,194,192,1,0,0,0,195,198,1,0,0,0,196,194,1,0,0,0,196,197,
        1,0,0,0,197,200,1,0,0,0,198,196,1,0,0,0,199,191,1,0,0,0,199,200,
        1,0,0,0,200,201,1,0,0,0,201,202,5,33,0,0,202,17,1,0,0,0,203,204,
        5,39,0,0,204,206,5,28,0,0,205,203,1,0,0,0,205,206,1,0,0,0,206,207,
        1,0,0,0,207,208,3,20,10,0,208,19,1,0,0,0,209,210,6,10,-1,0,210,211,
        7,2,0,0,211,237,3,20,10,10,212,214,5,38,0,0,213,215,3,22,11,0,214,
        213,1,0,0,0,214,215,1,0,0,0,215,237,1,0,0,0,216,237,3,22,11,0,217,
        237,3,16,8,0,218,237,5,39,0,0,219,237,7,3,0,0,220,229,5,34,0,0,221,
        226,3,20,10,0,222,223,5,31,0,0,223,225,3,20,10,0,224,222,1,0,0,0,
        225,228,1,0,0,0,226,224,1,0,0,0,226,227,1,0,0,0,227,230,1,0,0,0,
        228,226,1,0,0,0,229,221,1,0,0,0,229,230,1,0,0,0,230,231,1,0,0,0,
        231,237,5,35,0,0,232,233,5,32,0,0,233,234,3,20,10,0,234,235,5,33,
        0,0,235,237,1,0,0,0,236,209,1,0,0,0,236,212,1,0,0,0,236,216,1,0,
        0,0,236,217,1,0,0,0,236,218,1,0,0,0,236,219,1,0,0,0,236,220,1,0,
        0,0,236,232,1,0,0,0,237,249,1,0,0,0,238,239,10,11,0,0,239,240,5,
        23,0,0,240,248,3,20,10,11,241,242,10,9,0,0,242,243,7,4,0,0,243,248,
        3,20,10,10,244,245,10,8,0,0,245,246,7,2,0,0,246,248,3,20,10,9,247,
        238,1,0,0,0,247,241,1,0,0,0,247,244,1,0,0,0,248,251,1,0,0,0,249,
        247,1,0,0,0,249,250,1,0,0,0,250,21,1,0,0,0,251,249,1,0,0,0,252,255,
        5,21,0,0,253,254,5,23,0,0,254,256,3,24,12,0,255,253,1,0,0,0,255,
        256,1,0,0,0,256,23,1,0,0,0,257,259,5,27,0,0,258,257,1,0,0,0,258,
        259,1,0,0,0,259,260,1,0,0,0,260,261,5,38,0,0,261,25,1,0,0,0,33,29,
        37,45,64,69,80,93,97,104,107,112,119,126,133,136,144,148,150,155,
        170,181,184,196,199,205,214,226,229,236,247,249,255,258
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
            self.state = 136
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,14,self._ctx)
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
                pass

            elif la_ == 4:
                localctx = PortasnnNetParser.ModelNestStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 4)
                self.state = 49
                self.match(PortasnnNetParser.MODEL)
                self.state = 50
                localctx.key = self.match(PortasnnNetParser.IDENT)
                self.state = 51
                self.match(PortasnnNetParser.EQ)
                self.state = 52
                self.match(PortasnnNetParser.NEST)
                self.state = 53
                localctx.builtin = self.match(PortasnnNetParser.IDENT)
                pass

            elif la_ == 5:
                localctx = PortasnnNetParser.LetStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 5)
                self.state = 54
                self.match(PortasnnNetParser.LET)
                self.state = 55
                localctx.name = self.match(PortasnnNetParser.IDENT)
                self.state = 56
                self.match(PortasnnNetParser.EQ)
                self.state = 57
                self.expr(0)
                pass

            elif la_ == 6:
                localctx = PortasnnNetParser.PopulationStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 6)
                self.state = 58
                self.match(PortasnnNetParser.POPULATION)
                self.state = 59
                localctx.name = self.match(PortasnnNetParser.IDENT)
                self.state = 60
                self.match(PortasnnNetParser.COLON)
                self.state = 61
                localctx.size = self.expr(0)
                self.state = 62
                localctx.model = self.match(PortasnnNetParser.IDENT)
                self.state = 64
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==36:
                    self.state = 63
                    self.block()


                pass

            elif la_ == 7:
                localctx = PortasnnNetParser.ConnectStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 7)
                self.state = 66
                self.match(PortasnnNetParser.CONNECT)
                self.state = 69
                self._errHandler.sync(self)
                la_ = self._interp.adaptivePredict(self._input,4,self._ctx)
                if la_ == 1:
                    self.state = 67
                    localctx.name = self.match(PortasnnNetParser.IDENT)
                    self.state = 68
                    self.match(PortasnnNetParser.COLON)


                self.state = 71
                localctx.pre = self.match(PortasnnNetParser.IDENT)
                self.state = 72
                self.match(PortasnnNetParser.ARROW)
                self.state = 73
                localctx.post = self.match(PortasnnNetParser.IDENT)
                self.state = 74
                self.match(PortasnnNetParser.COLON)
                self.state = 75
                self.call()
                self.state = 80
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==31:
                    self.state = 76
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 77
                    self.option()
                    self.state = 82
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)

                pass

            elif la_ == 8:
                localctx = PortasnnNetParser.StimulusStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 8)
                self.state = 83
                self.match(PortasnnNetParser.STIMULUS)
                self.state = 84
                localctx.name = self.match(PortasnnNetParser.IDENT)
                self.state = 85
                self.match(PortasnnNetParser.COLON)
                self.state = 86
                self.call()
                self.state = 87
                self.match(PortasnnNetParser.ARROW)
                self.state = 88
                self.target()
                self.state = 93
                self._errHandler.sync(self)
                _alt = self._interp.adaptivePredict(self._input,6,self._ctx)
                while _alt!=2 and _alt!=ATN.INVALID_ALT_NUMBER:
                    if _alt==1:
                        self.state = 89
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 90
                        self.target() 
                    self.state = 95
                    self._errHandler.sync(self)
                    _alt = self._interp.adaptivePredict(self._input,6,self._ctx)

                self.state = 107
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==31 or _la==39:
                    self.state = 97
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)
                    if _la==31:
                        self.state = 96
                        self.match(PortasnnNetParser.COMMA)


                    self.state = 99
                    self.option()
                    self.state = 104
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)
                    while _la==31:
                        self.state = 100
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 101
                        self.option()
                        self.state = 106
                        self._errHandler.sync(self)
                        _la = self._input.LA(1)



                pass

            elif la_ == 9:
                localctx = PortasnnNetParser.RecordStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 9)
                self.state = 109
                self.match(PortasnnNetParser.RECORD)
                self.state = 112
                self._errHandler.sync(self)
                la_ = self._interp.adaptivePredict(self._input,10,self._ctx)
                if la_ == 1:
                    self.state = 110
                    localctx.name = self.match(PortasnnNetParser.IDENT)
                    self.state = 111
                    self.match(PortasnnNetParser.COLON)


                self.state = 114
                self.match(PortasnnNetParser.IDENT)
                self.state = 119
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==31:
                    self.state = 115
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 116
                    self.match(PortasnnNetParser.IDENT)
                    self.state = 121
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)

                self.state = 122
                self.match(PortasnnNetParser.OF)
                self.state = 123
                self.target()
                self.state = 126
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==13:
                    self.state = 124
                    self.match(PortasnnNetParser.EVERY)
                    self.state = 125
                    localctx.interval = self.expr(0)


                pass

            elif la_ == 10:
                localctx = PortasnnNetParser.SimulateStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 10)
                self.state = 128
                self.match(PortasnnNetParser.SIMULATE)
                self.state = 129
                localctx.duration = self.expr(0)
                self.state = 133
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while (((_la) & ~0x3f) == 0 and ((1 << _la) & 491520) != 0):
                    self.state = 130
                    self.simOption()
                    self.state = 135
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
            self.state = 138
            self.match(PortasnnNetParser.LBRACE)
            self.state = 150
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==8 or _la==39:
                self.state = 139
                self.item()
                self.state = 144
                self._errHandler.sync(self)
                _alt = self._interp.adaptivePredict(self._input,15,self._ctx)
                while _alt!=2 and _alt!=ATN.INVALID_ALT_NUMBER:
                    if _alt==1:
                        self.state = 140
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 141
                        self.item() 
                    self.state = 146
                    self._errHandler.sync(self)
                    _alt = self._interp.adaptivePredict(self._input,15,self._ctx)

                self.state = 148
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==31:
                    self.state = 147
                    self.match(PortasnnNetParser.COMMA)




            self.state = 152
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
            self.state = 155
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==8:
                self.state = 154
                self.match(PortasnnNetParser.INITIAL)


            self.state = 157
            localctx.name = self.match(PortasnnNetParser.IDENT)
            self.state = 158
            localctx.op = self._input.LT(1)
            _la = self._input.LA(1)
            if not(_la==28 or _la==29):
                localctx.op = self._errHandler.recoverInline(self)
            else:
                self._errHandler.reportMatch(self)
                self.consume()
            self.state = 159
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
            self.state = 161
            localctx.name = self.match(PortasnnNetParser.IDENT)
            self.state = 162
            self.match(PortasnnNetParser.EQ)
            self.state = 163
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
            self.state = 165
            localctx.name = self.match(PortasnnNetParser.IDENT)
            self.state = 170
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==34:
                self.state = 166
                self.match(PortasnnNetParser.LBRACK)
                self.state = 167
                self.subset()
                self.state = 168
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
            self.state = 184
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,21,self._ctx)
            if la_ == 1:
                localctx = PortasnnNetParser.RangeSubsetContext(self, localctx)
                self.enterOuterAlt(localctx, 1)
                self.state = 172
                localctx.lo = self.expr(0)
                self.state = 173
                self.match(PortasnnNetParser.COLON)
                self.state = 174
                localctx.hi = self.expr(0)
                pass

            elif la_ == 2:
                localctx = PortasnnNetParser.ListSubsetContext(self, localctx)
                self.enterOuterAlt(localctx, 2)
                self.state = 176
                self.expr(0)
                self.state = 181
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==31:
                    self.state = 177
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 178
                    self.expr(0)
                    self.state = 183
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
            self.state = 186
            localctx.key = self._input.LT(1)
            _la = self._input.LA(1)
            if not((((_la) & ~0x3f) == 0 and ((1 << _la) & 491520) != 0)):
                localctx.key = self._errHandler.recoverInline(self)
            else:
                self._errHandler.reportMatch(self)
                self.consume()
            self.state = 187
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
            self.state = 189
            localctx.fn = self.match(PortasnnNetParser.IDENT)
            self.state = 190
            self.match(PortasnnNetParser.LPAREN)
            self.state = 199
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if (((_la) & ~0x3f) == 0 and ((1 << _la) & 846313553920) != 0):
                self.state = 191
                self.arg()
                self.state = 196
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==31:
                    self.state = 192
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 193
                    self.arg()
                    self.state = 198
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)



            self.state = 201
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
            self.state = 205
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,24,self._ctx)
            if la_ == 1:
                self.state = 203
                localctx.name = self.match(PortasnnNetParser.IDENT)
                self.state = 204
                self.match(PortasnnNetParser.EQ)


            self.state = 207
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
            self.state = 236
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,28,self._ctx)
            if la_ == 1:
                localctx = PortasnnNetParser.UnaryExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx

                self.state = 210
                localctx.op = self._input.LT(1)
                _la = self._input.LA(1)
                if not(_la==26 or _la==27):
                    localctx.op = self._errHandler.recoverInline(self)
                else:
                    self._errHandler.reportMatch(self)
                    self.consume()
                self.state = 211
                self.expr(10)
                pass

            elif la_ == 2:
                localctx = PortasnnNetParser.NumberExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 212
                self.match(PortasnnNetParser.NUMBER)
                self.state = 214
                self._errHandler.sync(self)
                la_ = self._interp.adaptivePredict(self._input,25,self._ctx)
                if la_ == 1:
                    self.state = 213
                    self.unit()


                pass

            elif la_ == 3:
                localctx = PortasnnNetParser.UnitExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 216
                self.unit()
                pass

            elif la_ == 4:
                localctx = PortasnnNetParser.CallExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 217
                self.call()
                pass

            elif la_ == 5:
                localctx = PortasnnNetParser.NameExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 218
                self.match(PortasnnNetParser.IDENT)
                pass

            elif la_ == 6:
                localctx = PortasnnNetParser.BoolExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 219
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
                self.state = 220
                self.match(PortasnnNetParser.LBRACK)
                self.state = 229
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if (((_la) & ~0x3f) == 0 and ((1 << _la) & 846313553920) != 0):
                    self.state = 221
                    self.expr(0)
                    self.state = 226
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)
                    while _la==31:
                        self.state = 222
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 223
                        self.expr(0)
                        self.state = 228
                        self._errHandler.sync(self)
                        _la = self._input.LA(1)



                self.state = 231
                self.match(PortasnnNetParser.RBRACK)
                pass

            elif la_ == 8:
                localctx = PortasnnNetParser.ParenExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 232
                self.match(PortasnnNetParser.LPAREN)
                self.state = 233
                self.expr(0)
                self.state = 234
                self.match(PortasnnNetParser.RPAREN)
                pass


            self._ctx.stop = self._input.LT(-1)
            self.state = 249
            self._errHandler.sync(self)
            _alt = self._interp.adaptivePredict(self._input,30,self._ctx)
            while _alt!=2 and _alt!=ATN.INVALID_ALT_NUMBER:
                if _alt==1:
                    if self._parseListeners is not None:
                        self.triggerExitRuleEvent()
                    _prevctx = localctx
                    self.state = 247
                    self._errHandler.sync(self)
                    la_ = self._interp.adaptivePredict(self._input,29,self._ctx)
                    if la_ == 1:
                        localctx = PortasnnNetParser.PowExprContext(self, PortasnnNetParser.ExprContext(self, _parentctx, _parentState))
                        localctx.left = _prevctx
                        self.pushNewRecursionContext(localctx, _startState, self.RULE_expr)
                        self.state = 238
                        if not self.precpred(self._ctx, 11):
                            from antlr4.error.Errors import FailedPredicateException
                            raise FailedPredicateException(self, "self.precpred(self._ctx, 11)")
                        self.state = 239
                        localctx.op = self.match(PortasnnNetParser.POW)
                        self.state = 240
                        localctx.right = self.expr(11)
                        pass

                    elif la_ == 2:
                        localctx = PortasnnNetParser.MulExprContext(self, PortasnnNetParser.ExprContext(self, _parentctx, _parentState))
                        localctx.left = _prevctx
                        self.pushNewRecursionContext(localctx, _startState, self.RULE_expr)
                        self.state = 241
                        if not self.precpred(self._ctx, 9):
                            from antlr4.error.Errors import FailedPredicateException
                            raise FailedPredicateException(self, "self.precpred(self._ctx, 9)")
                        self.state = 242
                        localctx.op = self._input.LT(1)
                        _la = self._input.LA(1)
                        if not(_la==24 or _la==25):
                            localctx.op = self._errHandler.recoverInline(self)
                        else:
                            self._errHandler.reportMatch(self)
                            self.consume()
                        self.state = 243
                        localctx.right = self.expr(10)
                        pass

                    elif la_ == 3:
                        localctx = PortasnnNetParser.AddExprContext(self, PortasnnNetParser.ExprContext(self, _parentctx, _parentState))
                        localctx.left = _prevctx
                        self.pushNewRecursionContext(localctx, _startState, self.RULE_expr)
                        self.state = 244
                        if not self.precpred(self._ctx, 8):
                            from antlr4.error.Errors import FailedPredicateException
                            raise FailedPredicateException(self, "self.precpred(self._ctx, 8)")
                        self.state = 245
                        localctx.op = self._input.LT(1)
                        _la = self._input.LA(1)
                        if not(_la==26 or _la==27):
                            localctx.op = self._errHandler.recoverInline(self)
                        else:
                            self._errHandler.reportMatch(self)
                            self.consume()
                        self.state = 246
                        localctx.right = self.expr(9)
                        pass

             
                self.state = 251
                self._errHandler.sync(self)
                _alt = self._interp.adaptivePredict(self._input,30,self._ctx)

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
            self.state = 252
            self.match(PortasnnNetParser.UNIT)
            self.state = 255
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,31,self._ctx)
            if la_ == 1:
                self.state = 253
                self.match(PortasnnNetParser.POW)
                self.state = 254
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
            self.state = 258
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==27:
                self.state = 257
                self.match(PortasnnNetParser.MINUS)


            self.state = 260
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
         




