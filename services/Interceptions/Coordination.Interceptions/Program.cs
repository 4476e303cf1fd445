using Coordination.Eventing;
using Coordination.Interceptions;

ServiceHost.Run<InterceptionsModule>(args);
