// The portasnn network language (.pnet).
//
// A file is a list of statements; each starts with a keyword, so line breaks carry no meaning.
// Regenerate the parser (committed in portasnn/frontend/pnet/) with `make grammar`.
//
//   network brunel
//   include "brunel_common.pnet"
//   model exc from "nestml:iaf_psc_delta_neuron"
//   model izh from "nestml:izhikevich_neuron", spinnaker_solver = rk2, substeps = 2   (its numerics)
//   model E_model = nest iaf_psc_delta { t_ref = 2 ms }     (a block: defaults for its populations)
//   model lif = pynn IF_curr_exp { tau_m = 20 ms, cm = 0.25 nF }   (a PyNN standard cell type, PyNN's names)
//   synapse stdp from "nest:stdp_synapse" { tau_plus = 20 ms, lambda = 0.01, Wmax = 1 mV }   (a plastic synapse)
//   let J = 0.1 mV
//   population E: NE exc { V_th = 20 mV, V_m ~ uniform(0 mV, 20 mV) }
//   population I: NI exc, weight_scaling = auto             (or shift(1, 2), max(2 mV, 8 mV), spynnaker)
//   connect E -> I: fixed_indegree(CE), weight = J, delay = D
//   connect E -> E: fixed_indegree(CE), synapse = stdp, weight = J, delay = D
//   connect E -> I: from_file("conn.npz"), delay = D     (explicit connections: pre, post[, weight, delay])
//   stimulus ext: poisson(rate = nu_ext * CE) -> E, I  weight = J, delay = D
//   record spikes of E[0:50]
//   record V_m of E[0:5] every 0.1 ms
//   record weights of E -> E                                (the final weights of a projection)
//   record weights of E -> E[0:10] every 100 ms             (and the weights onto E[0:10] every 100 ms)
//   simulate 1000 ms resolution 0.1 ms seed 42
grammar PortasnnNet;

file_       : statement* EOF ;

statement
    : NETWORK (name=IDENT | quoted=STRING)                                   # networkStmt
    | INCLUDE path=STRING                                                    # includeStmt
    | MODEL key=IDENT (EQ inner=IDENT)? FROM path=STRING block? (COMMA option)*  # modelFileStmt
    | MODEL key=IDENT EQ NEST builtin=IDENT block?                           # modelNestStmt
    | MODEL key=IDENT EQ PYNN celltype=IDENT block?                          # modelPynnStmt
    | SYNAPSE key=IDENT FROM path=STRING block?                              # synapseStmt
    | LET name=IDENT EQ expr                                                 # letStmt
    | POPULATION name=IDENT COLON size=expr model=IDENT block? (COMMA option)*  # populationStmt
    | CONNECT (name=IDENT COLON)? pre=IDENT ARROW post=IDENT COLON rule (COMMA option)*  # connectStmt
    | STIMULUS name=IDENT COLON call ARROW target (COMMA target)* (COMMA? option (COMMA option)*)?  # stimulusStmt
    | RECORD (name=IDENT COLON)? IDENT (COMMA IDENT)* OF target (EVERY interval=expr)?        # recordStmt
    | RECORD (name=IDENT COLON)? what=IDENT OF pre=IDENT ARROW post=target (EVERY interval=expr)?  # recordProjectionStmt
    | SIMULATE duration=expr simOption*                                      # simulateStmt
    ;

block       : LBRACE (item (COMMA item)* COMMA?)? RBRACE ;
item        : INITIAL? name=IDENT op=(EQ | TILDE) expr ;
option      : name=(IDENT | SYNAPSE) EQ expr ;
target      : name=IDENT (LBRACK subset RBRACK)? ;
subset      : lo=expr COLON hi=expr                                           # rangeSubset
            | expr (COMMA expr)*                                             # listSubset
            ;
simOption   : key=(RESOLUTION | SEED | THREADS | PROCESSES) expr ;

call        : fn=IDENT LPAREN (arg (COMMA arg)*)? RPAREN ;
rule        : fn=IDENT (LPAREN (arg (COMMA arg)*)? RPAREN)? ;
arg         : (name=IDENT EQ)? expr ;

expr
    : <assoc=right> left=expr op=POW right=expr                              # powExpr
    | op=(MINUS | PLUS) expr                                                 # unaryExpr
    | left=expr op=(STAR | SLASH) right=expr                                 # mulExpr
    | left=expr op=(PLUS | MINUS) right=expr                                 # addExpr
    | NUMBER unit?                                                           # numberExpr
    | unit                                                                   # unitExpr
    | call                                                                   # callExpr
    | IDENT                                                                  # nameExpr
    | (TRUE | FALSE)                                                         # boolExpr
    | STRING                                                                 # stringExpr
    | LBRACK (expr (COMMA expr)*)? RBRACK                                    # listExpr
    | LPAREN expr RPAREN                                                     # parenExpr
    ;
unit        : UNIT (POW exponent=signedInt)? ;
signedInt   : MINUS? NUMBER ;

NETWORK     : 'network' ;
INCLUDE     : 'include' ;
MODEL       : 'model' ;
FROM        : 'from' ;
NEST        : 'nest' ;
PYNN        : 'pynn' ;
LET         : 'let' ;
POPULATION  : 'population' ;
INITIAL     : 'initial' ;
CONNECT     : 'connect' ;
STIMULUS    : 'stimulus' ;
RECORD      : 'record' ;
OF          : 'of' ;
EVERY       : 'every' ;
SIMULATE    : 'simulate' ;
RESOLUTION  : 'resolution' ;
SEED        : 'seed' ;
THREADS     : 'threads' ;
PROCESSES   : 'processes' ;
SYNAPSE     : 'synapse' ;
TRUE        : 'true' ;
FALSE       : 'false' ;

// Physical units (see portasnn/units.py); reserved words, so no constant can be called `ms`.
UNIT        : 's' | 'ms' | 'us' | 'Hz' | 'kHz' | 'V' | 'mV' | 'uV' | 'mA' | 'uA' | 'nA' | 'pA'
            | 'uF' | 'nF' | 'pF' | 'mS' | 'uS' | 'nS' | 'pS' | 'Ohm' | 'kOhm' | 'MOhm' | 'GOhm' ;

ARROW       : '->' ;
POW         : '**' ;
STAR        : '*' ;
SLASH       : '/' ;
PLUS        : '+' ;
MINUS       : '-' ;
EQ          : '=' ;
TILDE       : '~' ;
COLON       : ':' ;
COMMA       : ',' ;
LPAREN      : '(' ;
RPAREN      : ')' ;
LBRACK      : '[' ;
RBRACK      : ']' ;
LBRACE      : '{' ;
RBRACE      : '}' ;

NUMBER      : (DIGITS ('.' DIGITS?)? | '.' DIGITS) ([eE] [+-]? DIGITS)? ;
IDENT       : [a-zA-Z_] [a-zA-Z_0-9]* ;
STRING      : '"' ~["\r\n]* '"' ;
COMMENT     : '#' ~[\r\n]* -> skip ;
WS          : [ \t\r\n]+ -> skip ;

fragment DIGITS : [0-9]+ ;
