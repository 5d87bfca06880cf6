# The debug adapter of the test-only debug type: debugpy's own adapter, run
# as `python3 -m debugpy.adapter` would be.
import runpy

runpy.run_module('debugpy.adapter', run_name='__main__', alter_sys=True)
