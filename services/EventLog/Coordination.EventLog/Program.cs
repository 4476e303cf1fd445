using Coordination.EventLog;
using Coordination.Eventing;

ServiceHost.Run<EventLogModule>(args);
