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
        4,1,42,300,2,0,7,0,2,1,7,1,2,2,7,2,2,3,7,3,2,4,7,4,2,5,7,5,2,6,7,
        6,2,7,7,7,2,8,7,8,2,9,7,9,2,10,7,10,2,11,7,11,2,12,7,12,2,13,7,13,
        1,0,5,0,30,8,0,10,0,12,0,33,9,0,1,0,1,0,1,1,1,1,1,1,3,1,40,8,1,1,
        1,1,1,1,1,1,1,1,1,1,1,3,1,48,8,1,1,1,1,1,1,1,3,1,53,8,1,1,1,1,1,
        5,1,57,8,1,10,1,12,1,60,9,1,1,1,1,1,1,1,1,1,1,1,1,1,3,1,68,8,1,1,
        1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,3,1,80,8,1,1,1,1,1,5,1,84,
        8,1,10,1,12,1,87,9,1,1,1,1,1,1,1,3,1,92,8,1,1,1,1,1,1,1,1,1,1,1,
        1,1,1,1,5,1,101,8,1,10,1,12,1,104,9,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
        1,1,1,5,1,114,8,1,10,1,12,1,117,9,1,1,1,3,1,120,8,1,1,1,1,1,1,1,
        5,1,125,8,1,10,1,12,1,128,9,1,3,1,130,8,1,1,1,1,1,1,1,3,1,135,8,
        1,1,1,1,1,1,1,5,1,140,8,1,10,1,12,1,143,9,1,1,1,1,1,1,1,1,1,3,1,
        149,8,1,1,1,1,1,1,1,5,1,154,8,1,10,1,12,1,157,9,1,3,1,159,8,1,1,
        2,1,2,1,2,1,2,5,2,165,8,2,10,2,12,2,168,9,2,1,2,3,2,171,8,2,3,2,
        173,8,2,1,2,1,2,1,3,3,3,178,8,3,1,3,1,3,1,3,1,3,1,4,1,4,1,4,1,4,
        1,5,1,5,1,5,1,5,1,5,3,5,193,8,5,1,6,1,6,1,6,1,6,1,6,1,6,1,6,5,6,
        202,8,6,10,6,12,6,205,9,6,3,6,207,8,6,1,7,1,7,1,7,1,8,1,8,1,8,1,
        8,1,8,5,8,217,8,8,10,8,12,8,220,9,8,3,8,222,8,8,1,8,1,8,1,9,1,9,
        1,9,1,9,1,9,5,9,231,8,9,10,9,12,9,234,9,9,3,9,236,8,9,1,9,3,9,239,
        8,9,1,10,1,10,3,10,243,8,10,1,10,1,10,1,11,1,11,1,11,1,11,1,11,3,
        11,252,8,11,1,11,1,11,1,11,1,11,1,11,1,11,1,11,1,11,5,11,262,8,11,
        10,11,12,11,265,9,11,3,11,267,8,11,1,11,1,11,1,11,1,11,1,11,3,11,
        274,8,11,1,11,1,11,1,11,1,11,1,11,1,11,1,11,1,11,1,11,5,11,285,8,
        11,10,11,12,11,288,9,11,1,12,1,12,1,12,3,12,293,8,12,1,13,3,13,296,
        8,13,1,13,1,13,1,13,0,1,22,14,0,2,4,6,8,10,12,14,16,18,20,22,24,
        26,0,5,1,0,28,29,1,0,15,18,1,0,26,27,1,0,19,20,1,0,24,25,340,0,31,
        1,0,0,0,2,158,1,0,0,0,4,160,1,0,0,0,6,177,1,0,0,0,8,183,1,0,0,0,
        10,187,1,0,0,0,12,206,1,0,0,0,14,208,1,0,0,0,16,211,1,0,0,0,18,225,
        1,0,0,0,20,242,1,0,0,0,22,273,1,0,0,0,24,289,1,0,0,0,26,295,1,0,
        0,0,28,30,3,2,1,0,29,28,1,0,0,0,30,33,1,0,0,0,31,29,1,0,0,0,31,32,
        1,0,0,0,32,34,1,0,0,0,33,31,1,0,0,0,34,35,5,0,0,1,35,1,1,0,0,0,36,
        39,5,1,0,0,37,40,5,39,0,0,38,40,5,40,0,0,39,37,1,0,0,0,39,38,1,0,
        0,0,40,159,1,0,0,0,41,42,5,2,0,0,42,159,5,40,0,0,43,44,5,3,0,0,44,
        47,5,39,0,0,45,46,5,28,0,0,46,48,5,39,0,0,47,45,1,0,0,0,47,48,1,
        0,0,0,48,49,1,0,0,0,49,50,5,4,0,0,50,52,5,40,0,0,51,53,3,4,2,0,52,
        51,1,0,0,0,52,53,1,0,0,0,53,58,1,0,0,0,54,55,5,31,0,0,55,57,3,8,
        4,0,56,54,1,0,0,0,57,60,1,0,0,0,58,56,1,0,0,0,58,59,1,0,0,0,59,159,
        1,0,0,0,60,58,1,0,0,0,61,62,5,3,0,0,62,63,5,39,0,0,63,64,5,28,0,
        0,64,65,5,5,0,0,65,67,5,39,0,0,66,68,3,4,2,0,67,66,1,0,0,0,67,68,
        1,0,0,0,68,159,1,0,0,0,69,70,5,6,0,0,70,71,5,39,0,0,71,72,5,28,0,
        0,72,159,3,22,11,0,73,74,5,7,0,0,74,75,5,39,0,0,75,76,5,30,0,0,76,
        77,3,22,11,0,77,79,5,39,0,0,78,80,3,4,2,0,79,78,1,0,0,0,79,80,1,
        0,0,0,80,85,1,0,0,0,81,82,5,31,0,0,82,84,3,8,4,0,83,81,1,0,0,0,84,
        87,1,0,0,0,85,83,1,0,0,0,85,86,1,0,0,0,86,159,1,0,0,0,87,85,1,0,
        0,0,88,91,5,9,0,0,89,90,5,39,0,0,90,92,5,30,0,0,91,89,1,0,0,0,91,
        92,1,0,0,0,92,93,1,0,0,0,93,94,5,39,0,0,94,95,5,22,0,0,95,96,5,39,
        0,0,96,97,5,30,0,0,97,102,3,18,9,0,98,99,5,31,0,0,99,101,3,8,4,0,
        100,98,1,0,0,0,101,104,1,0,0,0,102,100,1,0,0,0,102,103,1,0,0,0,103,
        159,1,0,0,0,104,102,1,0,0,0,105,106,5,10,0,0,106,107,5,39,0,0,107,
        108,5,30,0,0,108,109,3,16,8,0,109,110,5,22,0,0,110,115,3,10,5,0,
        111,112,5,31,0,0,112,114,3,10,5,0,113,111,1,0,0,0,114,117,1,0,0,
        0,115,113,1,0,0,0,115,116,1,0,0,0,116,129,1,0,0,0,117,115,1,0,0,
        0,118,120,5,31,0,0,119,118,1,0,0,0,119,120,1,0,0,0,120,121,1,0,0,
        0,121,126,3,8,4,0,122,123,5,31,0,0,123,125,3,8,4,0,124,122,1,0,0,
        0,125,128,1,0,0,0,126,124,1,0,0,0,126,127,1,0,0,0,127,130,1,0,0,
        0,128,126,1,0,0,0,129,119,1,0,0,0,129,130,1,0,0,0,130,159,1,0,0,
        0,131,134,5,11,0,0,132,133,5,39,0,0,133,135,5,30,0,0,134,132,1,0,
        0,0,134,135,1,0,0,0,135,136,1,0,0,0,136,141,5,39,0,0,137,138,5,31,
        0,0,138,140,5,39,0,0,139,137,1,0,0,0,140,143,1,0,0,0,141,139,1,0,
        0,0,141,142,1,0,0,0,142,144,1,0,0,0,143,141,1,0,0,0,144,145,5,12,
        0,0,145,148,3,10,5,0,146,147,5,13,0,0,147,149,3,22,11,0,148,146,
        1,0,0,0,148,149,1,0,0,0,149,159,1,0,0,0,150,151,5,14,0,0,151,155,
        3,22,11,0,152,154,3,14,7,0,153,152,1,0,0,0,154,157,1,0,0,0,155,153,
        1,0,0,0,155,156,1,0,0,0,156,159,1,0,0,0,157,155,1,0,0,0,158,36,1,
        0,0,0,158,41,1,0,0,0,158,43,1,0,0,0,158,61,1,0,0,0,158,69,1,0,0,
        0,158,73,1,0,0,0,158,88,1,0,0,0,158,105,1,0,0,0,158,131,1,0,0,0,
        158,150,1,0,0,0,159,3,1,0,0,0,160,172,5,36,0,0,161,166,3,6,3,0,162,
        163,5,31,0,0,163,165,3,6,3,0,164,162,1,0,0,0,165,168,1,0,0,0,166,
        164,1,0,0,0,166,167,1,0,0,0,167,170,1,0,0,0,168,166,1,0,0,0,169,
        171,5,31,0,0,170,169,1,0,0,0,170,171,1,0,0,0,171,173,1,0,0,0,172,
        161,1,0,0,0,172,173,1,0,0,0,173,174,1,0,0,0,174,175,5,37,0,0,175,
        5,1,0,0,0,176,178,5,8,0,0,177,176,1,0,0,0,177,178,1,0,0,0,178,179,
        1,0,0,0,179,180,5,39,0,0,180,181,7,0,0,0,181,182,3,22,11,0,182,7,
        1,0,0,0,183,184,5,39,0,0,184,185,5,28,0,0,185,186,3,22,11,0,186,
        9,1,0,0,0,187,192,5,39,0,0,188,189,5,34,0,0,189,190,3,12,6,0,190,
        191,5,35,0,0,191,193,1,0,0,0,192,188,1,0,0,0,192,193,1,0,0,0,193,
        11,1,0,0,0,194,195,3,22,11,0,195,196,5,30,0,0,196,197,3,22,11,0,
        197,207,1,0,0,0,198,203,3,22,11,0,199,200,5,31,0,0,200,202,3,22,
        11,0,201,199,1,0,0,0,202,205,1,0,0,0,203,201,1,0,0,0,203,204,1,0,
        0,0,204,207,1,0,0,0,205,203,1,0,0,0,206,194,1,0,0,0,206,198,1,0,
        0,0,207,13,1,0,0,0,208,209,7,1,0,0,209,210,3,22,11,0,210,15,1,0,
        0,0,211,212,5,39,0,0,212,221,5,32,0,0,213,218,3,20,10,0,214,215,
        5,31,0,0,215,217,3,20,10,0,216,214,1,0,0,0,217,220,1,0,0,0,218,216,
        1,0,0,0,218,219,1,0,0,0,219,222,1,0,0,0,220,218,1,0,0,0,221,213,
        1,0,0,0,221,222,1,0,0,0,222,223,1,0,0,0,223,224,5,33,0,0,224,17,
        1,0,0,0,225,238,5,39,0,0,226,235,5,32,0,0,227,232,3,20,10,0,228,
        229,5,31,0,0,229,231,3,20,10,0,230,228,1,0,0,0,231,234,1,0,0,0,232,
        230,1,0,0,0,232,233,1,0,0,0,233,236,1,0,0,0,234,232,1,0,0,0,235,
        227,1,0,0,0,235,236,1,0,0,0,236,237,1,0,0,0,237,239,5,33,0,0,238,
        226,1,0,0,0,238,239,1,0,0,0,239,19,1,0,0,0,240,241,5,39,0,0,241,
        243,5,28,0,0,242,240,1,0,0,0,242,243,1,0,0,0,243,244,1,0,0,0,244,
        245,3,22,11,0,245,21,1,0,0,0,246,247,6,11,-1,0,247,248,7,2,0,0,248,
        274,3,22,11,10,249,251,5,38,0,0,250,252,3,24,12,0,251,250,1,0,0,
        0,251,252,1,0,0,0,252,274,1,0,0,0,253,274,3,24,12,0,254,274,3,16,
        8,0,255,274,5,39,0,0,256,274,7,3,0,0,257,266,5,34,0,0,258,263,3,
        22,11,0,259,260,5,31,0,0,260,262,3,22,11,0,261,259,1,0,0,0,262,265,
        1,0,0,0,263,261,1,0,0,0,263,264,1,0,0,0,264,267,1,0,0,0,265,263,
        1,0,0,0,266,258,1,0,0,0,266,267,1,0,0,0,267,268,1,0,0,0,268,274,
        5,35,0,0,269,270,5,32,0,0,270,271,3,22,11,0,271,272,5,33,0,0,272,
        274,1,0,0,0,273,246,1,0,0,0,273,249,1,0,0,0,273,253,1,0,0,0,273,
        254,1,0,0,0,273,255,1,0,0,0,273,256,1,0,0,0,273,257,1,0,0,0,273,
        269,1,0,0,0,274,286,1,0,0,0,275,276,10,11,0,0,276,277,5,23,0,0,277,
        285,3,22,11,11,278,279,10,9,0,0,279,280,7,4,0,0,280,285,3,22,11,
        10,281,282,10,8,0,0,282,283,7,2,0,0,283,285,3,22,11,9,284,275,1,
        0,0,0,284,278,1,0,0,0,284,281,1,0,0,0,285,288,1,0,0,0,286,284,1,
        0,0,0,286,287,1,0,0,0,287,23,1,0,0,0,288,286,1,0,0,0,289,292,5,21,
        0,0,290,291,5,23,0,0,291,293,3,26,13,0,292,290,1,0,0,0,292,293,1,
        0,0,0,293,25,1,0,0,0,294,296,5,27,0,0,295,294,1,0,0,0,295,296,1,
        0,0,0,296,297,1,0,0,0,297,298,5,38,0,0,298,27,1,0,0,0,40,31,39,47,
        52,58,67,79,85,91,102,115,119,126,129,134,141,148,155,158,166,170,
        172,177,192,203,206,218,221,232,235,238,242,251,263,266,273,284,
        286,292,295
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
    RULE_rule = 9
    RULE_arg = 10
    RULE_expr = 11
    RULE_unit = 12
    RULE_signedInt = 13

    ruleNames =  [ "file_", "statement", "block", "item", "option", "target", 
                   "subset", "simOption", "call", "rule", "arg", "expr", 
                   "unit", "signedInt" ]

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
            self.state = 31
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            while (((_la) & ~0x3f) == 0 and ((1 << _la) & 20174) != 0):
                self.state = 28
                self.statement()
                self.state = 33
                self._errHandler.sync(self)
                _la = self._input.LA(1)

            self.state = 34
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
        def rule_(self):
            return self.getTypedRuleContext(PortasnnNetParser.RuleContext,0)

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
            self.state = 158
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,18,self._ctx)
            if la_ == 1:
                localctx = PortasnnNetParser.NetworkStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 1)
                self.state = 36
                self.match(PortasnnNetParser.NETWORK)
                self.state = 39
                self._errHandler.sync(self)
                token = self._input.LA(1)
                if token in [39]:
                    self.state = 37
                    localctx.name = self.match(PortasnnNetParser.IDENT)
                    pass
                elif token in [40]:
                    self.state = 38
                    localctx.quoted = self.match(PortasnnNetParser.STRING)
                    pass
                else:
                    raise NoViableAltException(self)

                pass

            elif la_ == 2:
                localctx = PortasnnNetParser.IncludeStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 2)
                self.state = 41
                self.match(PortasnnNetParser.INCLUDE)
                self.state = 42
                localctx.path = self.match(PortasnnNetParser.STRING)
                pass

            elif la_ == 3:
                localctx = PortasnnNetParser.ModelFileStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 3)
                self.state = 43
                self.match(PortasnnNetParser.MODEL)
                self.state = 44
                localctx.key = self.match(PortasnnNetParser.IDENT)
                self.state = 47
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==28:
                    self.state = 45
                    self.match(PortasnnNetParser.EQ)
                    self.state = 46
                    localctx.inner = self.match(PortasnnNetParser.IDENT)


                self.state = 49
                self.match(PortasnnNetParser.FROM)
                self.state = 50
                localctx.path = self.match(PortasnnNetParser.STRING)
                self.state = 52
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==36:
                    self.state = 51
                    self.block()


                self.state = 58
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==31:
                    self.state = 54
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 55
                    self.option()
                    self.state = 60
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)

                pass

            elif la_ == 4:
                localctx = PortasnnNetParser.ModelNestStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 4)
                self.state = 61
                self.match(PortasnnNetParser.MODEL)
                self.state = 62
                localctx.key = self.match(PortasnnNetParser.IDENT)
                self.state = 63
                self.match(PortasnnNetParser.EQ)
                self.state = 64
                self.match(PortasnnNetParser.NEST)
                self.state = 65
                localctx.builtin = self.match(PortasnnNetParser.IDENT)
                self.state = 67
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==36:
                    self.state = 66
                    self.block()


                pass

            elif la_ == 5:
                localctx = PortasnnNetParser.LetStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 5)
                self.state = 69
                self.match(PortasnnNetParser.LET)
                self.state = 70
                localctx.name = self.match(PortasnnNetParser.IDENT)
                self.state = 71
                self.match(PortasnnNetParser.EQ)
                self.state = 72
                self.expr(0)
                pass

            elif la_ == 6:
                localctx = PortasnnNetParser.PopulationStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 6)
                self.state = 73
                self.match(PortasnnNetParser.POPULATION)
                self.state = 74
                localctx.name = self.match(PortasnnNetParser.IDENT)
                self.state = 75
                self.match(PortasnnNetParser.COLON)
                self.state = 76
                localctx.size = self.expr(0)
                self.state = 77
                localctx.model = self.match(PortasnnNetParser.IDENT)
                self.state = 79
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==36:
                    self.state = 78
                    self.block()


                self.state = 85
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==31:
                    self.state = 81
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 82
                    self.option()
                    self.state = 87
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)

                pass

            elif la_ == 7:
                localctx = PortasnnNetParser.ConnectStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 7)
                self.state = 88
                self.match(PortasnnNetParser.CONNECT)
                self.state = 91
                self._errHandler.sync(self)
                la_ = self._interp.adaptivePredict(self._input,8,self._ctx)
                if la_ == 1:
                    self.state = 89
                    localctx.name = self.match(PortasnnNetParser.IDENT)
                    self.state = 90
                    self.match(PortasnnNetParser.COLON)


                self.state = 93
                localctx.pre = self.match(PortasnnNetParser.IDENT)
                self.state = 94
                self.match(PortasnnNetParser.ARROW)
                self.state = 95
                localctx.post = self.match(PortasnnNetParser.IDENT)
                self.state = 96
                self.match(PortasnnNetParser.COLON)
                self.state = 97
                self.rule_()
                self.state = 102
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==31:
                    self.state = 98
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 99
                    self.option()
                    self.state = 104
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)

                pass

            elif la_ == 8:
                localctx = PortasnnNetParser.StimulusStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 8)
                self.state = 105
                self.match(PortasnnNetParser.STIMULUS)
                self.state = 106
                localctx.name = self.match(PortasnnNetParser.IDENT)
                self.state = 107
                self.match(PortasnnNetParser.COLON)
                self.state = 108
                self.call()
                self.state = 109
                self.match(PortasnnNetParser.ARROW)
                self.state = 110
                self.target()
                self.state = 115
                self._errHandler.sync(self)
                _alt = self._interp.adaptivePredict(self._input,10,self._ctx)
                while _alt!=2 and _alt!=ATN.INVALID_ALT_NUMBER:
                    if _alt==1:
                        self.state = 111
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 112
                        self.target() 
                    self.state = 117
                    self._errHandler.sync(self)
                    _alt = self._interp.adaptivePredict(self._input,10,self._ctx)

                self.state = 129
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==31 or _la==39:
                    self.state = 119
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)
                    if _la==31:
                        self.state = 118
                        self.match(PortasnnNetParser.COMMA)


                    self.state = 121
                    self.option()
                    self.state = 126
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)
                    while _la==31:
                        self.state = 122
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 123
                        self.option()
                        self.state = 128
                        self._errHandler.sync(self)
                        _la = self._input.LA(1)



                pass

            elif la_ == 9:
                localctx = PortasnnNetParser.RecordStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 9)
                self.state = 131
                self.match(PortasnnNetParser.RECORD)
                self.state = 134
                self._errHandler.sync(self)
                la_ = self._interp.adaptivePredict(self._input,14,self._ctx)
                if la_ == 1:
                    self.state = 132
                    localctx.name = self.match(PortasnnNetParser.IDENT)
                    self.state = 133
                    self.match(PortasnnNetParser.COLON)


                self.state = 136
                self.match(PortasnnNetParser.IDENT)
                self.state = 141
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==31:
                    self.state = 137
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 138
                    self.match(PortasnnNetParser.IDENT)
                    self.state = 143
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)

                self.state = 144
                self.match(PortasnnNetParser.OF)
                self.state = 145
                self.target()
                self.state = 148
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==13:
                    self.state = 146
                    self.match(PortasnnNetParser.EVERY)
                    self.state = 147
                    localctx.interval = self.expr(0)


                pass

            elif la_ == 10:
                localctx = PortasnnNetParser.SimulateStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 10)
                self.state = 150
                self.match(PortasnnNetParser.SIMULATE)
                self.state = 151
                localctx.duration = self.expr(0)
                self.state = 155
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while (((_la) & ~0x3f) == 0 and ((1 << _la) & 491520) != 0):
                    self.state = 152
                    self.simOption()
                    self.state = 157
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
            self.state = 160
            self.match(PortasnnNetParser.LBRACE)
            self.state = 172
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==8 or _la==39:
                self.state = 161
                self.item()
                self.state = 166
                self._errHandler.sync(self)
                _alt = self._interp.adaptivePredict(self._input,19,self._ctx)
                while _alt!=2 and _alt!=ATN.INVALID_ALT_NUMBER:
                    if _alt==1:
                        self.state = 162
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 163
                        self.item() 
                    self.state = 168
                    self._errHandler.sync(self)
                    _alt = self._interp.adaptivePredict(self._input,19,self._ctx)

                self.state = 170
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==31:
                    self.state = 169
                    self.match(PortasnnNetParser.COMMA)




            self.state = 174
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
            self.state = 177
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==8:
                self.state = 176
                self.match(PortasnnNetParser.INITIAL)


            self.state = 179
            localctx.name = self.match(PortasnnNetParser.IDENT)
            self.state = 180
            localctx.op = self._input.LT(1)
            _la = self._input.LA(1)
            if not(_la==28 or _la==29):
                localctx.op = self._errHandler.recoverInline(self)
            else:
                self._errHandler.reportMatch(self)
                self.consume()
            self.state = 181
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
            self.state = 183
            localctx.name = self.match(PortasnnNetParser.IDENT)
            self.state = 184
            self.match(PortasnnNetParser.EQ)
            self.state = 185
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
            self.state = 187
            localctx.name = self.match(PortasnnNetParser.IDENT)
            self.state = 192
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==34:
                self.state = 188
                self.match(PortasnnNetParser.LBRACK)
                self.state = 189
                self.subset()
                self.state = 190
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
            self.state = 206
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,25,self._ctx)
            if la_ == 1:
                localctx = PortasnnNetParser.RangeSubsetContext(self, localctx)
                self.enterOuterAlt(localctx, 1)
                self.state = 194
                localctx.lo = self.expr(0)
                self.state = 195
                self.match(PortasnnNetParser.COLON)
                self.state = 196
                localctx.hi = self.expr(0)
                pass

            elif la_ == 2:
                localctx = PortasnnNetParser.ListSubsetContext(self, localctx)
                self.enterOuterAlt(localctx, 2)
                self.state = 198
                self.expr(0)
                self.state = 203
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==31:
                    self.state = 199
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 200
                    self.expr(0)
                    self.state = 205
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
            self.state = 208
            localctx.key = self._input.LT(1)
            _la = self._input.LA(1)
            if not((((_la) & ~0x3f) == 0 and ((1 << _la) & 491520) != 0)):
                localctx.key = self._errHandler.recoverInline(self)
            else:
                self._errHandler.reportMatch(self)
                self.consume()
            self.state = 209
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
            self.state = 211
            localctx.fn = self.match(PortasnnNetParser.IDENT)
            self.state = 212
            self.match(PortasnnNetParser.LPAREN)
            self.state = 221
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if (((_la) & ~0x3f) == 0 and ((1 << _la) & 846313553920) != 0):
                self.state = 213
                self.arg()
                self.state = 218
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==31:
                    self.state = 214
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 215
                    self.arg()
                    self.state = 220
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)



            self.state = 223
            self.match(PortasnnNetParser.RPAREN)
        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class RuleContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser
            self.fn = None # Token

        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)

        def LPAREN(self):
            return self.getToken(PortasnnNetParser.LPAREN, 0)

        def RPAREN(self):
            return self.getToken(PortasnnNetParser.RPAREN, 0)

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
            return PortasnnNetParser.RULE_rule

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitRule" ):
                return visitor.visitRule(self)
            else:
                return visitor.visitChildren(self)




    def rule_(self):

        localctx = PortasnnNetParser.RuleContext(self, self._ctx, self.state)
        self.enterRule(localctx, 18, self.RULE_rule)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 225
            localctx.fn = self.match(PortasnnNetParser.IDENT)
            self.state = 238
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==32:
                self.state = 226
                self.match(PortasnnNetParser.LPAREN)
                self.state = 235
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if (((_la) & ~0x3f) == 0 and ((1 << _la) & 846313553920) != 0):
                    self.state = 227
                    self.arg()
                    self.state = 232
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)
                    while _la==31:
                        self.state = 228
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 229
                        self.arg()
                        self.state = 234
                        self._errHandler.sync(self)
                        _la = self._input.LA(1)



                self.state = 237
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
        self.enterRule(localctx, 20, self.RULE_arg)
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 242
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,31,self._ctx)
            if la_ == 1:
                self.state = 240
                localctx.name = self.match(PortasnnNetParser.IDENT)
                self.state = 241
                self.match(PortasnnNetParser.EQ)


            self.state = 244
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
        _startState = 22
        self.enterRecursionRule(localctx, 22, self.RULE_expr, _p)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 273
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,35,self._ctx)
            if la_ == 1:
                localctx = PortasnnNetParser.UnaryExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx

                self.state = 247
                localctx.op = self._input.LT(1)
                _la = self._input.LA(1)
                if not(_la==26 or _la==27):
                    localctx.op = self._errHandler.recoverInline(self)
                else:
                    self._errHandler.reportMatch(self)
                    self.consume()
                self.state = 248
                self.expr(10)
                pass

            elif la_ == 2:
                localctx = PortasnnNetParser.NumberExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 249
                self.match(PortasnnNetParser.NUMBER)
                self.state = 251
                self._errHandler.sync(self)
                la_ = self._interp.adaptivePredict(self._input,32,self._ctx)
                if la_ == 1:
                    self.state = 250
                    self.unit()


                pass

            elif la_ == 3:
                localctx = PortasnnNetParser.UnitExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 253
                self.unit()
                pass

            elif la_ == 4:
                localctx = PortasnnNetParser.CallExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 254
                self.call()
                pass

            elif la_ == 5:
                localctx = PortasnnNetParser.NameExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 255
                self.match(PortasnnNetParser.IDENT)
                pass

            elif la_ == 6:
                localctx = PortasnnNetParser.BoolExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 256
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
                self.state = 257
                self.match(PortasnnNetParser.LBRACK)
                self.state = 266
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if (((_la) & ~0x3f) == 0 and ((1 << _la) & 846313553920) != 0):
                    self.state = 258
                    self.expr(0)
                    self.state = 263
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)
                    while _la==31:
                        self.state = 259
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 260
                        self.expr(0)
                        self.state = 265
                        self._errHandler.sync(self)
                        _la = self._input.LA(1)



                self.state = 268
                self.match(PortasnnNetParser.RBRACK)
                pass

            elif la_ == 8:
                localctx = PortasnnNetParser.ParenExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 269
                self.match(PortasnnNetParser.LPAREN)
                self.state = 270
                self.expr(0)
                self.state = 271
                self.match(PortasnnNetParser.RPAREN)
                pass


            self._ctx.stop = self._input.LT(-1)
            self.state = 286
            self._errHandler.sync(self)
            _alt = self._interp.adaptivePredict(self._input,37,self._ctx)
            while _alt!=2 and _alt!=ATN.INVALID_ALT_NUMBER:
                if _alt==1:
                    if self._parseListeners is not None:
                        self.triggerExitRuleEvent()
                    _prevctx = localctx
                    self.state = 284
                    self._errHandler.sync(self)
                    la_ = self._interp.adaptivePredict(self._input,36,self._ctx)
                    if la_ == 1:
                        localctx = PortasnnNetParser.PowExprContext(self, PortasnnNetParser.ExprContext(self, _parentctx, _parentState))
                        localctx.left = _prevctx
                        self.pushNewRecursionContext(localctx, _startState, self.RULE_expr)
                        self.state = 275
                        if not self.precpred(self._ctx, 11):
                            from antlr4.error.Errors import FailedPredicateException
                            raise FailedPredicateException(self, "self.precpred(self._ctx, 11)")
                        self.state = 276
                        localctx.op = self.match(PortasnnNetParser.POW)
                        self.state = 277
                        localctx.right = self.expr(11)
                        pass

                    elif la_ == 2:
                        localctx = PortasnnNetParser.MulExprContext(self, PortasnnNetParser.ExprContext(self, _parentctx, _parentState))
                        localctx.left = _prevctx
                        self.pushNewRecursionContext(localctx, _startState, self.RULE_expr)
                        self.state = 278
                        if not self.precpred(self._ctx, 9):
                            from antlr4.error.Errors import FailedPredicateException
                            raise FailedPredicateException(self, "self.precpred(self._ctx, 9)")
                        self.state = 279
                        localctx.op = self._input.LT(1)
                        _la = self._input.LA(1)
                        if not(_la==24 or _la==25):
                            localctx.op = self._errHandler.recoverInline(self)
                        else:
                            self._errHandler.reportMatch(self)
                            self.consume()
                        self.state = 280
                        localctx.right = self.expr(10)
                        pass

                    elif la_ == 3:
                        localctx = PortasnnNetParser.AddExprContext(self, PortasnnNetParser.ExprContext(self, _parentctx, _parentState))
                        localctx.left = _prevctx
                        self.pushNewRecursionContext(localctx, _startState, self.RULE_expr)
                        self.state = 281
                        if not self.precpred(self._ctx, 8):
                            from antlr4.error.Errors import FailedPredicateException
                            raise FailedPredicateException(self, "self.precpred(self._ctx, 8)")
                        self.state = 282
                        localctx.op = self._input.LT(1)
                        _la = self._input.LA(1)
                        if not(_la==26 or _la==27):
                            localctx.op = self._errHandler.recoverInline(self)
                        else:
                            self._errHandler.reportMatch(self)
                            self.consume()
                        self.state = 283
                        localctx.right = self.expr(9)
                        pass

             
                self.state = 288
                self._errHandler.sync(self)
                _alt = self._interp.adaptivePredict(self._input,37,self._ctx)

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
        self.enterRule(localctx, 24, self.RULE_unit)
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 289
            self.match(PortasnnNetParser.UNIT)
            self.state = 292
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,38,self._ctx)
            if la_ == 1:
                self.state = 290
                self.match(PortasnnNetParser.POW)
                self.state = 291
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
        self.enterRule(localctx, 26, self.RULE_signedInt)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 295
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==27:
                self.state = 294
                self.match(PortasnnNetParser.MINUS)


            self.state = 297
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
        self._predicates[11] = self.expr_sempred
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
         




